namespace XRocketPay.Client;

/// <summary>
/// One request the webhook receiver read, as it arrived: what a refused delivery is reported with. It
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

    /// <summary>A verified delivery an earlier call spooled and answered 200 but did not hand on.</summary>
    internal static XRocketWebhookDelivery FromSpool(DateTimeOffset receivedAt, string? remoteAddress, IReadOnlyDictionary<string, string> headers, string body, string file) =>
        new("POST", null, remoteAddress, headers, Encoding.UTF8.GetByteCount(body), body)
        {
            ReceivedAt = receivedAt,
            Verification = new(XRocketWebhookFailure.None, "Verified and spooled by an earlier call."),
            Envelope = XRocketWebhook.Parse(body),
            AnsweredStatus = 200,
            SpooledFile = file,
        };

    public DateTimeOffset ReceivedAt { get; private init; } = DateTimeOffset.UtcNow;
    public string Method { get; }
    public Uri? Url { get; }
    public string? RemoteAddress { get; }

    /// <summary>The request's headers, names read case-insensitively.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The declared length (-1 when the sender did not declare one).</summary>
    public long ContentLength { get; }

    /// <summary>The raw body as received; null when it was not read (too large, too slow, or not a POST).</summary>
    public string? Body { get; }

    /// <summary>The signature check (or why the request was refused before it: not a POST, too large, too slow).</summary>
    public XRocketWebhookVerification Verification { get; internal set; } = new(XRocketWebhookFailure.MissingHeader, "Not checked.");

    /// <summary>The envelope of a verified delivery; null when refused or unreadable (see <see cref="EnvelopeError"/>).</summary>
    public XRocketWebhookEnvelope? Envelope { get; internal set; }

    public string? EnvelopeError { get; internal set; }

    /// <summary>A verified delivery whose envelope id (or, without one, signature) was already handed on (a redelivery).</summary>
    public bool IsRepeat { get; internal set; }

    /// <summary>
    /// The HTTP status the receiver answered: 200 once handed on (or spooled), 401 refused, 400 signed but
    /// unreadable, 408 too slow, 503 not handed on because the receiver stopped; null while not yet answered.
    /// </summary>
    public int? AnsweredStatus { get; internal set; }

    /// <summary>What a redelivery repeats: the envelope id, or the signature of a delivery without one.</summary>
    internal string? Key => Envelope is null || !Verification.IsValid ? null
        : Envelope.Id is { Length: > 0 } id ? "id:" + id
        : "signature:" + (Headers.TryGetValue(XRocketWebhook.SignatureHeader, out var signature) ? signature.Trim().ToLowerInvariant() : "");

    /// <summary>The spool file holding this delivery until it is handed on.</summary>
    internal string? SpooledFile { get; set; }

    /// <summary>Answers the sender once (later calls do nothing); null for a delivery read from the spool.</summary>
    internal Func<int, bool>? Answer { get; set; }

    public override string ToString() =>
        $"{Method} {Url?.PathAndQuery} from {RemoteAddress} ({(ContentLength >= 0 ? ContentLength : Body?.Length ?? 0)} bytes): {Verification.Message}";
}
