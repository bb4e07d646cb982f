using System.Collections.Concurrent;
using System.IO;
using System.Net.Sockets;

namespace XRocketPay.Client;

/// <summary>The receiver: one connection, its request and its bounded reader.</summary>
public sealed partial class XRocketWebhookReceiver
{
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
