using System.Collections.Concurrent;
using System.IO;
using System.Net.Sockets;

namespace XRocketPay.Client;

/// <summary>
/// Listens for webhook deliveries on one <c>http://</c> prefix (its own small HTTP/1.1 server: HttpListener
/// answers 200 to every request it still holds when it closes, on Linux even after Abort) and answers each
/// one exactly once. A request that <see cref="XRocketWebhook.Verify(byte[], IDictionary{string, string}, string, TimeSpan, DateTimeOffset?)"/>
/// refuses is answered 401 at once (400 when signed but unreadable, 408 when too slow); a verified delivery
/// waits unanswered until <see cref="HandedOn"/> (with a spool: until it is written there), and everything
/// not handed on when the receiver stops is answered 503, so the sender retries. Every connection is read
/// on its own, within <see cref="ReadTimeout"/>, so a slow sender holds only itself. Dispose stops it.
/// </summary>
public sealed class XRocketWebhookReceiver : IDisposable
{
    /// <summary>The largest body read: xRocket envelopes are a few kilobytes.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The largest request line and headers read.</summary>
    public const int MaxHeaderBytes = 32 * 1024;

    /// <summary>Connections open at once; one more is answered 503.</summary>
    public const int MaxConnections = 1000;

    /// <summary>How long one request may take to send its headers and body (a slow sender must not hold the rest).</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);

    private const int RememberedKeys = 10_000;
    private const int ReportedRefusals = 1000;
    private static readonly Encoding Latin1 = Encoding.GetEncoding("ISO-8859-1");

    private readonly TcpListener _listener;
    private readonly string _path;
    private readonly string _secret;
    private readonly TimeSpan _tolerance;
    private readonly XRocketWebhookSpool? _spool;
    private readonly ConcurrentQueue<XRocketWebhookDelivery> _ready = new();
    private readonly SemaphoreSlim _readyCount = new(0);
    private readonly ConcurrentDictionary<Connection, bool> _open = new();
    private readonly HashSet<string> _handedOn = new(StringComparer.Ordinal);
    private readonly Queue<string> _handedOnOrder = new();
    private readonly object _spoolGate = new();
    private int _spooling;
    private volatile bool _stopped;

    /// <summary>
    /// Starts listening (a <see cref="SocketException"/> when the port cannot be taken, an
    /// <see cref="ArgumentException"/> for a prefix that is not <c>http://host[:port]/path/</c>). With a
    /// <paramref name="spoolFolder"/>, the deliveries an earlier receiver spooled and did not hand on come first.
    /// </summary>
    public XRocketWebhookReceiver(string prefix, string secret, TimeSpan tolerance, string? spoolFolder = null)
    {
        if (string.IsNullOrWhiteSpace(prefix)) throw new ArgumentException("The listener prefix is empty.", nameof(prefix));
        if (string.IsNullOrEmpty(secret)) throw new ArgumentException("The webhook secret is empty.", nameof(secret));
        Prefix = prefix.Trim().EndsWith("/", StringComparison.Ordinal) ? prefix.Trim() : prefix.Trim() + "/";
        var (address, port, path) = ReadPrefix(Prefix);
        _path = path;
        _secret = secret;
        _tolerance = tolerance;
        if (spoolFolder is not null)
        {
            _spool = new XRocketWebhookSpool(spoolFolder);
            foreach (var spooled in _spool.Pending())
            {
                Ready(spooled);
            }
        }

        _listener = new TcpListener(address, port);
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>The prefix listened on (with its closing slash).</summary>
    public string Prefix { get; }

    /// <summary>The number of deliveries read and waiting for <see cref="ReceiveAsync"/>.</summary>
    internal int Waiting => _ready.Count;

    /// <summary>
    /// The next delivery: a refused request (already answered), a repeat of one handed on (answered 200), or
    /// a verified new one, unanswered until <see cref="HandedOn"/> unless spooled. Cancelling ends the wait.
    /// </summary>
    public async Task<XRocketWebhookDelivery> ReceiveAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await _readyCount.WaitAsync(cancellationToken).ConfigureAwait(false);
        _ready.TryDequeue(out var delivery);
        if (delivery!.Key is { } key && WasHandedOn(key))
        {
            delivery.IsRepeat = true;
            HandedOn(delivery);
        }

        return delivery;
    }

    /// <summary>Marks a verified delivery handed on (written): it is remembered as such, dropped from the spool, and answered 200.</summary>
    public void HandedOn(XRocketWebhookDelivery delivery)
    {
        if (delivery.Key is { } key)
        {
            lock (_handedOn)
            {
                if (_handedOn.Add(key))
                {
                    _handedOnOrder.Enqueue(key);
                    if (_handedOnOrder.Count > RememberedKeys)
                    {
                        _handedOn.Remove(_handedOnOrder.Dequeue());
                    }
                }
            }

            _spool?.HandedOn(key, delivery.SpooledFile);
        }

        delivery.Answer?.Invoke(200);
    }

    private bool WasHandedOn(string key)
    {
        lock (_handedOn)
        {
            return _handedOn.Contains(key) || (_spool?.WasHandedOn(key) ?? false);
        }
    }

    /// <summary>Stops accepting (connections not yet accepted are reset) and answers 503 to every delivery not answered.</summary>
    public void Dispose()
    {
        if (_stopped)
        {
            return;
        }

        lock (_spoolGate)
        {
            // Every delivery being spooled is answered 200 before the rest are answered 503: a spool file is a 200.
            _stopped = true;
            while (_spooling > 0)
            {
                Monitor.Wait(_spoolGate);
            }
        }

        _listener.Stop();
        foreach (var delivery in _ready)
        {
            delivery.Answer?.Invoke(503);
        }

        foreach (var connection in _open.Keys)
        {
            connection.Answer(503);
        }
    }

    private void Ready(XRocketWebhookDelivery delivery)
    {
        _ready.Enqueue(delivery);
        _readyCount.Release();
    }

    private async Task AcceptAsync()
    {
        while (!_stopped)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                if (_stopped)
                {
                    return;
                }

                // Out of sockets, or a connection reset before it was accepted: go on accepting.
                await Task.Delay(50).ConfigureAwait(false);
                continue;
            }

            var connection = new Connection(socket, _open);
            if (_open.Count >= MaxConnections)
            {
                connection.Answer(503);
                continue;
            }

            _open[connection] = true;
            if (_stopped)
            {
                connection.Answer(503);
                return;
            }

            _ = Task.Run(() => HandleAsync(connection));
        }
    }

    private async Task HandleAsync(Connection connection)
    {
        var request = new Request(connection);
        using var deadline = new CancellationTokenSource(ReadTimeout);
        using var timeout = deadline.Token.Register(() =>
        {
            if (request.Received == 0) connection.Drop();
            else connection.Answer(408);
        });
        XRocketWebhookDelivery? delivery;
        try
        {
            delivery = await ReadAsync(request, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The sender hung up, or ran past the deadline (answered 408 above); say so only if it sent something.
            if (deadline.IsCancellationRequested && request.Received > 0)
            {
                Report(request.Delivery(null, 408, new(XRocketWebhookFailure.BodyTimeout, $"The request did not arrive within {ReadTimeout.TotalSeconds:0} s: answered 408.")));
            }

            connection.Drop();
            return;
        }

        timeout.Dispose();
        if (delivery is null)
        {
            return;
        }

        if (deadline.IsCancellationRequested && delivery.AnsweredStatus is null)
        {
            // Read whole just as the deadline answered it 408: the sender retries it.
            delivery.AnsweredStatus = 408;
            delivery.Verification = new(XRocketWebhookFailure.BodyTimeout, $"The request did not arrive within {ReadTimeout.TotalSeconds:0} s: answered 408.");
            Report(delivery);
            return;
        }

        if (delivery.AnsweredStatus is { } refusal)
        {
            // Reported before answered, so reports keep the order a sender that awaits each answer sent in.
            Report(delivery);
            connection.Answer(refusal);
            return;
        }

        delivery.Answer = status =>
        {
            if (!connection.Answer(status))
            {
                return false;
            }

            delivery.AnsweredStatus = status;
            return true;
        };
        if (_spool is not null && StartSpooling())
        {
            try
            {
                delivery.SpooledFile = _spool.Write(delivery);
                delivery.Answer(200);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Not spooled: it is answered once handed on, as without a spool.
            }
            finally
            {
                EndSpooling();
            }
        }

        Ready(delivery);
        if (_stopped && delivery.AnsweredStatus is null)
        {
            delivery.Answer(503);
        }
    }

    /// <summary>False once stopping: a delivery is spooled only while its 200 can still go out.</summary>
    private bool StartSpooling()
    {
        lock (_spoolGate)
        {
            if (_stopped)
            {
                return false;
            }

            _spooling++;
            return true;
        }
    }

    private void EndSpooling()
    {
        lock (_spoolGate)
        {
            _spooling--;
            Monitor.PulseAll(_spoolGate);
        }
    }

    private void Report(XRocketWebhookDelivery refused)
    {
        if (_ready.Count < ReportedRefusals)
        {
            Ready(refused);
        }
    }

    /// <summary>Reads one request; a refused one is answered here. Null: nothing to report (no request, or another path).</summary>
    private async Task<XRocketWebhookDelivery?> ReadAsync(Request request, CancellationToken cancellationToken)
    {
        var head = await request.Reader.ReadHeadAsync(cancellationToken).ConfigureAwait(false);
        if (head is null)
        {
            if (request.Received > 0)
            {
                return request.Delivery(null, 400, new(XRocketWebhookFailure.MalformedRequest, $"The request line and headers are not HTTP/1.1 or longer than {MaxHeaderBytes} bytes."));
            }

            request.Connection.Drop();
            return null;
        }

        if (!request.ReadHead(Latin1.GetString(head)))
        {
            return request.Delivery(null, 400, new(XRocketWebhookFailure.MalformedRequest, "The request line and headers are not HTTP/1.1."));
        }

        if (!request.IsUnder(_path))
        {
            request.Connection.Answer(404);
            return null;
        }

        if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return request.Delivery(null, 401, new(XRocketWebhookFailure.NotPost, $"A webhook delivery is a POST; this was a {request.Method}."));
        }

        var chunked = request.Headers.TryGetValue("Transfer-Encoding", out var encoding);
        if (chunked && !string.Equals(encoding!.Trim(), "chunked", StringComparison.OrdinalIgnoreCase))
        {
            return request.Delivery(null, 400, new(XRocketWebhookFailure.MalformedRequest, "The only transfer encoding read is chunked."));
        }

        if (!chunked && request.Headers.TryGetValue("Content-Length", out var length))
        {
            if (!long.TryParse(length.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var declared))
            {
                return request.Delivery(null, 400, new(XRocketWebhookFailure.MalformedRequest, "The Content-Length is not a number."));
            }

            request.ContentLength = declared;
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return request.Delivery(null, 401, TooLarge());
        }

        if (request.Headers.TryGetValue("Expect", out var expect) && string.Equals(expect.Trim(), "100-continue", StringComparison.OrdinalIgnoreCase))
        {
            await request.Reader.WriteAsync(Latin1.GetBytes("HTTP/1.1 100 Continue\r\n\r\n"), cancellationToken).ConfigureAwait(false);
        }

        byte[]? raw;
        try
        {
            raw = chunked
                ? await request.Reader.ReadChunkedAsync(MaxBodyBytes, cancellationToken).ConfigureAwait(false)
                : await request.Reader.ReadExactlyAsync((int)Math.Max(0, request.ContentLength), cancellationToken).ConfigureAwait(false);
        }
        catch (FormatException)
        {
            return request.Delivery(null, 400, new(XRocketWebhookFailure.MalformedRequest, "The chunked body is not well formed."));
        }

        if (raw is null)
        {
            return request.Delivery(null, 401, TooLarge());
        }

        var body = Encoding.UTF8.GetString(raw);
        var verification = XRocketWebhook.Verify(raw, request.Headers, _secret, _tolerance);
        if (!verification.IsValid)
        {
            return request.Delivery(body, 401, verification);
        }

        var delivery = request.Delivery(body, null, verification);
        try
        {
            delivery.Envelope = XRocketWebhook.Parse(body);
        }
        catch (FormatException ex)
        {
            delivery.EnvelopeError = ex.Message;
            delivery.AnsweredStatus = 400;
        }

        return delivery;
    }

    private static XRocketWebhookVerification TooLarge() =>
        new(XRocketWebhookFailure.BodyTooLarge, $"The body is larger than {MaxBodyBytes} bytes: not read.");

    /// <summary>The address, port and path of an <c>http://host[:port]/path/</c> prefix; <c>+</c>, <c>*</c> and host names listen on every address.</summary>
    private static (IPAddress Address, int Port, string Path) ReadPrefix(string prefix)
    {
        const string Scheme = "http://";
        if (!prefix.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(prefix.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                ? "https:// is not served: let a reverse proxy terminate TLS and forward to an http:// loopback prefix"
                : "a prefix is http://host[:port]/path/", nameof(prefix));
        }

        var rest = prefix.Substring(Scheme.Length);
        var slash = rest.IndexOf('/');
        var authority = rest.Substring(0, slash);
        var colon = authority.LastIndexOf(':');
        var host = colon > authority.LastIndexOf(']') ? authority.Substring(0, colon) : authority;
        var port = 80;
        if (host.Length != authority.Length && !int.TryParse(authority.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
        {
            throw new ArgumentException("the port is not a number from 1 to 65535", nameof(prefix));
        }

        host = host.Trim('[', ']');
        var address = host is "+" or "*" ? IPAddress.Any
            : string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.TryParse(host, out var literal) ? literal
            : host.Length > 0 ? IPAddress.Any
            : throw new ArgumentException("the host is empty", nameof(prefix));
        return (address, port, rest.Substring(slash));
    }

    private static string Reason(int status) => status switch
    {
        100 => "Continue",
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        408 => "Request Timeout",
        _ => "Service Unavailable",
    };

    /// <summary>One accepted socket, answered at most once, then closed gracefully (the rest of the request read and dropped).</summary>
    private sealed class Connection
    {
        private static readonly TimeSpan Linger = TimeSpan.FromSeconds(2);
        private readonly ConcurrentDictionary<Connection, bool> _open;
        private int _answered;

        internal Connection(Socket socket, ConcurrentDictionary<Connection, bool> open)
        {
            Socket = socket;
            _open = open;
            RemoteAddress = socket.RemoteEndPoint?.ToString();
            Stream = new NetworkStream(socket, ownsSocket: true);
        }

        internal Socket Socket { get; }
        internal NetworkStream Stream { get; }
        internal string? RemoteAddress { get; }

        /// <summary>Sends the status line; false when this connection was already answered.</summary>
        internal bool Answer(int status)
        {
            if (Interlocked.Exchange(ref _answered, 1) == 1)
            {
                return false;
            }

            _open.TryRemove(this, out _);
            try
            {
                Socket.Send(Latin1.GetBytes($"HTTP/1.1 {status} {Reason(status)}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
                Socket.Shutdown(SocketShutdown.Send);
                _ = LingerAsync();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // The sender hung up before the answer: it never saw a 200, so it retries.
                Stream.Dispose();
            }

            return true;
        }

        /// <summary>Closes without an answer (a connection that sent nothing).</summary>
        internal void Drop()
        {
            if (Interlocked.Exchange(ref _answered, 1) == 0)
            {
                _open.TryRemove(this, out _);
            }

            Stream.Dispose();
        }

        /// <summary>Reads what the sender still sends until it closes (at most <see cref="Linger"/>), so the answer is not lost to a reset.</summary>
        private async Task LingerAsync()
        {
            using var stop = new CancellationTokenSource(Linger);
            using var close = stop.Token.Register(Stream.Dispose);
            var sink = new byte[16 * 1024];
            try
            {
                while (await Stream.ReadAsync(sink, 0, sink.Length, stop.Token).ConfigureAwait(false) > 0)
                {
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // Closed by the sender or at the linger's end: either way done.
            }
            finally
            {
                Stream.Dispose();
            }
        }
    }

    /// <summary>One request as far as it was read.</summary>
    private sealed class Request
    {
        internal Request(Connection connection)
        {
            Connection = connection;
            Reader = new BoundedReader(connection.Stream);
        }

        internal Connection Connection { get; }
        internal BoundedReader Reader { get; }
        internal long Received => Reader.Received;
        internal string Method { get; private set; } = "";
        internal string Target { get; private set; } = "";
        internal Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);
        internal long ContentLength { get; set; } = -1;

        /// <summary>Reads the request line and headers (repeated headers joined with commas); false when they are not HTTP/1.x.</summary>
        internal bool ReadHead(string head)
        {
            var lines = head.Split(new[] { "\r\n" }, StringSplitOptions.None);
            var start = lines[0].Split(' ');
            if (start.Length != 3 || start[0].Length == 0 || start[1].Length == 0 || !start[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
            {
                return false;
            }

            Method = start[0];
            Target = start[1];
            foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
            {
                var colon = line.IndexOf(':');
                if (colon <= 0 || char.IsWhiteSpace(line[0]))
                {
                    return false;
                }

                var name = line.Substring(0, colon).Trim();
                var value = line.Substring(colon + 1).Trim();
                Headers[name] = Headers.TryGetValue(name, out var earlier) ? earlier + "," + value : value;
            }

            return true;
        }

        internal bool IsUnder(string path)
        {
            var target = Uri.TryCreate(Target, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? absolute.AbsolutePath : Target;
            var question = target.IndexOf('?');
            target = question >= 0 ? target.Substring(0, question) : target;
            return target.StartsWith(path, StringComparison.OrdinalIgnoreCase) || string.Equals(target + "/", path, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>What is reported; a <paramref name="status"/> given is answered once it is reported.</summary>
        internal XRocketWebhookDelivery Delivery(string? body, int? status, XRocketWebhookVerification verification)
        {
            Uri? url = null;
            if (Target.Length > 0)
            {
                Uri.TryCreate("http://" + (Headers.TryGetValue("Host", out var host) ? host : "localhost") + (Target.StartsWith("/", StringComparison.Ordinal) ? Target : "/"), UriKind.Absolute, out url);
            }

            var delivery = new XRocketWebhookDelivery(Method.Length > 0 ? Method : "?", url, Connection.RemoteAddress, Headers, ContentLength, body)
            {
                Verification = verification,
            };
            delivery.AnsweredStatus = status;
            return delivery;
        }
    }

    /// <summary>Reads a connection's bytes with a bound on each part; <see cref="Received"/> counts every byte.</summary>
    private sealed class BoundedReader
    {
        private readonly NetworkStream _stream;
        private readonly byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;

        internal BoundedReader(NetworkStream stream) => _stream = stream;

        internal long Received { get; private set; }

        internal Task WriteAsync(byte[] bytes, CancellationToken cancellationToken) => _stream.WriteAsync(bytes, 0, bytes.Length, cancellationToken);

        /// <summary>The bytes up to the blank line that ends the headers; null when the sender closed first or they run past the bound.</summary>
        internal async Task<byte[]?> ReadHeadAsync(CancellationToken cancellationToken)
        {
            using var head = new MemoryStream();
            var matched = 0;
            while (true)
            {
                if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                var b = _buffer[_start++];
                head.WriteByte(b);
                matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : b == '\r' ? 1 : 0;
                if (matched == 4)
                {
                    return head.ToArray();
                }

                if (head.Length > MaxHeaderBytes)
                {
                    return null;
                }
            }
        }

        /// <summary>Exactly <paramref name="count"/> bytes (an IOException when the sender closes first).</summary>
        internal async Task<byte[]?> ReadExactlyAsync(int count, CancellationToken cancellationToken)
        {
            var body = new byte[count];
            var filled = 0;
            while (filled < count)
            {
                if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false))
                {
                    throw new IOException("The sender closed the connection before the whole body.");
                }

                var take = Math.Min(count - filled, _end - _start);
                Buffer.BlockCopy(_buffer, _start, body, filled, take);
                _start += take;
                filled += take;
            }

            return body;
        }

        /// <summary>A chunked body; null when it runs past <paramref name="max"/>, a FormatException when it is not chunked.</summary>
        internal async Task<byte[]?> ReadChunkedAsync(int max, CancellationToken cancellationToken)
        {
            using var body = new MemoryStream();
            while (true)
            {
                var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
                var extension = line.IndexOf(';');
                var size = extension >= 0 ? line.Substring(0, extension) : line;
                if (!long.TryParse(size.Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var length) || length < 0)
                {
                    throw new FormatException("Not a chunk size.");
                }

                if (length == 0)
                {
                    while ((await ReadLineAsync(cancellationToken).ConfigureAwait(false)).Length > 0)
                    {
                    }

                    return body.ToArray();
                }

                if (body.Length + length > max)
                {
                    return null;
                }

                var chunk = await ReadExactlyAsync((int)length, cancellationToken).ConfigureAwait(false);
                body.Write(chunk!, 0, chunk!.Length);
                if ((await ReadLineAsync(cancellationToken).ConfigureAwait(false)).Length != 0)
                {
                    throw new FormatException("A chunk is longer than its size.");
                }
            }
        }

        private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
        {
            var line = new StringBuilder();
            while (true)
            {
                if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false))
                {
                    throw new IOException("The sender closed the connection inside the body.");
                }

                var c = (char)_buffer[_start++];
                if (c == '\n')
                {
                    return line.ToString().TrimEnd('\r');
                }

                if (line.Append(c).Length > 1024)
                {
                    throw new FormatException("A chunk line is too long.");
                }
            }
        }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            var read = await _stream.ReadAsync(_buffer, 0, _buffer.Length, cancellationToken).ConfigureAwait(false);
            _start = 0;
            _end = read;
            Received += read;
            return read > 0;
        }
    }
}
