namespace XRocketPay.Client;

/// <summary>
/// One request the webhook receiver answered, as it arrived: what a refused delivery is reported with. It
/// holds the headers and the raw body (never the secret), so it can be piped to Test-XRocketWebhookSignature.
/// </summary>
public sealed class XRocketWebhookDelivery
{
    internal XRocketWebhookDelivery(string method, Uri? url, string? remoteAddress, IReadOnlyDictionary<string, string> headers, long contentLength, string? body)
    {
        Method = method;
        Url = url;
        RemoteAddress = remoteAddress;
        Headers = headers;
        ContentLength = contentLength;
        Body = body;
    }

    public DateTimeOffset ReceivedAt { get; } = DateTimeOffset.UtcNow;
    public string Method { get; }
    public Uri? Url { get; }
    public string? RemoteAddress { get; }

    /// <summary>The request's headers, names read case-insensitively.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The declared length (-1 when the sender did not declare one).</summary>
    public long ContentLength { get; }

    /// <summary>The raw body as received; null when it was not read (too large, or not a POST).</summary>
    public string? Body { get; }

    /// <summary>The signature check (or why the request was refused before it: not a POST, too large).</summary>
    public XRocketWebhookVerification Verification { get; internal set; } = new(XRocketWebhookFailure.MissingHeader, "Not checked.");

    /// <summary>The envelope of a verified delivery; null when refused or unreadable (see <see cref="EnvelopeError"/>).</summary>
    public XRocketWebhookEnvelope? Envelope { get; internal set; }

    public string? EnvelopeError { get; internal set; }

    /// <summary>A verified delivery whose envelope id this receiver already handed out (a redelivery).</summary>
    public bool IsRepeat { get; internal set; }

    /// <summary>The HTTP status the receiver answered: 200 verified, 401 refused.</summary>
    public int AnsweredStatus => Verification.IsValid ? 200 : 401;

    public override string ToString() =>
        $"{Method} {Url?.PathAndQuery} from {RemoteAddress} ({(ContentLength >= 0 ? ContentLength : Body?.Length ?? 0)} bytes): {Verification.Message}";
}
