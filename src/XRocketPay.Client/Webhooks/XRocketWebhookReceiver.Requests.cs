namespace XRocketPay.Client;

/// <summary>The receiver: a request read, verified and spooled (the server side is in XRocketWebhookReceiver.cs).</summary>
public sealed partial class XRocketWebhookReceiver
{
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
}
