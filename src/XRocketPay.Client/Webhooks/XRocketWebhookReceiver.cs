using System.IO;

namespace XRocketPay.Client;

/// <summary>
/// Listens for webhook deliveries on one HttpListener prefix and answers each: 200 to a delivery that
/// <see cref="XRocketWebhook.Verify"/> accepts (the same check as Test-XRocketWebhookSignature), 401 to
/// any other. Bodies are bounded; verified envelopes are remembered by id so a redelivery is marked as a
/// repeat. The answer goes out before the delivery is handed on (senders want a quick answer; the
/// invoice itself is the truth: re-read it). Dispose releases the port.
/// </summary>
public sealed class XRocketWebhookReceiver : IDisposable
{
    /// <summary>The largest body read: xRocket envelopes are a few kilobytes.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>How long one request may take to send its body before it is dropped (a slow sender must not block the rest).</summary>
    public static readonly TimeSpan BodyReadTimeout = TimeSpan.FromSeconds(30);

    private const int RememberedIds = 10_000;

    private readonly HttpListener _listener = new();
    private readonly string _secret;
    private readonly TimeSpan _tolerance;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _seenOrder = new();

    /// <summary>Starts listening (an <see cref="HttpListenerException"/> when the prefix cannot be taken).</summary>
    public XRocketWebhookReceiver(string prefix, string secret, TimeSpan tolerance)
    {
        if (string.IsNullOrWhiteSpace(prefix)) throw new ArgumentException("The listener prefix is empty.", nameof(prefix));
        if (string.IsNullOrEmpty(secret)) throw new ArgumentException("The webhook secret is empty.", nameof(secret));
        Prefix = prefix.Trim().EndsWith("/", StringComparison.Ordinal) ? prefix.Trim() : prefix.Trim() + "/";
        _secret = secret;
        _tolerance = tolerance;
        try
        {
            _listener.Prefixes.Add(Prefix);
            _listener.Start();
        }
        catch
        {
            _listener.Close();
            throw;
        }
    }

    /// <summary>The prefix listened on (with its closing slash).</summary>
    public string Prefix { get; }

    /// <summary>Waits for the next request, answers it and returns it; cancelling stops the listener.</summary>
    public async Task<XRocketWebhookDelivery> ReceiveAsync(CancellationToken cancellationToken)
    {
        using (cancellationToken.Register(_listener.Close))
        {
            try
            {
                var context = await _listener.GetContextAsync().ConfigureAwait(false);
                return await AnswerAsync(context, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is HttpListenerException or ObjectDisposedException or InvalidOperationException or IOException)
            {
                throw new OperationCanceledException("The webhook receiver stopped.", ex, cancellationToken);
            }
        }
    }

    private async Task<XRocketWebhookDelivery> AnswerAsync(HttpListenerContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in request.Headers.AllKeys)
        {
            headers[name ?? ""] = request.Headers.Get(name) ?? "";
        }

        var isPost = string.Equals(request.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase);
        string? body = null;
        XRocketWebhookVerification? refusal = !isPost ? new(XRocketWebhookFailure.NotPost, $"A webhook delivery is a POST; this was a {request.HttpMethod}.") : null;
        if (isPost && request.ContentLength64 <= MaxBodyBytes)
        {
            try
            {
                body = await ReadBoundedAsync(context, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is OperationCanceledException or IOException or HttpListenerException or ObjectDisposedException)
            {
                refusal = new(XRocketWebhookFailure.BodyTimeout, $"The body did not arrive within {BodyReadTimeout.TotalSeconds:0} s: dropped.");
            }
        }

        refusal ??= body is null ? new(XRocketWebhookFailure.BodyTooLarge, $"The body is larger than {MaxBodyBytes} bytes: not read.") : null;
        var delivery = new XRocketWebhookDelivery(request.HttpMethod, request.Url, request.RemoteEndPoint?.ToString(), headers, request.ContentLength64, body)
        {
            Verification = refusal ?? XRocketWebhook.Verify(body!, headers, _secret, _tolerance),
        };
        if (delivery.Verification.IsValid)
        {
            Read(delivery);
        }

        try
        {
            context.Response.StatusCode = delivery.AnsweredStatus;
            context.Response.ContentLength64 = 0;
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The sender hung up before the answer: the delivery is still reported.
        }

        return delivery;
    }

    private void Read(XRocketWebhookDelivery delivery)
    {
        try
        {
            delivery.Envelope = XRocketWebhook.Parse(delivery.Body!);
        }
        catch (FormatException ex)
        {
            delivery.EnvelopeError = ex.Message;
            return;
        }

        if (delivery.Envelope.Id is not { Length: > 0 } id)
        {
            return;
        }

        delivery.IsRepeat = !_seen.Add(id);
        if (!delivery.IsRepeat)
        {
            _seenOrder.Enqueue(id);
            if (_seenOrder.Count > RememberedIds)
            {
                _seen.Remove(_seenOrder.Dequeue());
            }
        }
    }

    /// <summary>The body as UTF-8 text, or null when it runs past <see cref="MaxBodyBytes"/> (a sender that declared no length).</summary>
    private static async Task<string?> ReadBoundedAsync(HttpListenerContext context, CancellationToken cancellationToken)
    {
        using var slow = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        slow.CancelAfter(BodyReadTimeout);
        using var abort = slow.Token.Register(context.Response.Abort);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.InputStream.ReadAsync(chunk, 0, chunk.Length, slow.Token).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public void Dispose() => _listener.Close();
}
