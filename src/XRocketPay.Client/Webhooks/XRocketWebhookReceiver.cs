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
public sealed partial class XRocketWebhookReceiver : IDisposable
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
}
