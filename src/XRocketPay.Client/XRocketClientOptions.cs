namespace XRocketPay.Client;

/// <summary>Where and how the client connects.</summary>
public sealed class XRocketClientOptions
{
    public static readonly Uri ProductionUri = new("https://pay.api.pp.xrocket.tg/");
    public static readonly Uri TestnetUri = new("https://pay.api.testnet.xrocket.exchange/");
    public static readonly Uri ExchangeUri = new("https://pay.api.xrocket.exchange/");

    /// <summary>The local sandbox's default port: a copy of the sandbox's own default (a test keeps them equal).</summary>
    public const int SandboxPort = 5080;

    /// <summary>The local sandbox's default token: a copy of the sandbox's own default (a test keeps them equal).</summary>
    public const string SandboxToken = "sandbox-token";

    public static readonly Uri SandboxUri = new("http://127.0.0.1:" + SandboxPort + "/");

    /// <summary>The environment the caller names; null for an address (<see cref="BaseUri"/>) named for none.</summary>
    public XRocketEnvironment? Environment { get; set; } = XRocketEnvironment.Production;

    /// <summary>Overrides the environment's address (for example a sandbox on another port).</summary>
    public Uri? BaseUri { get; set; }

    public XRocketApiToken? Token { get; set; }

    /// <summary>How the transfer family is named on the wire; <see cref="XRocketApiDialect.Auto"/> detects it once.</summary>
    public XRocketApiDialect Dialect { get; set; } = XRocketApiDialect.Auto;

    /// <summary>The unit of an invoice's <c>expiresIn</c>; <see cref="XRocketInvoiceExpiryUnit.Auto"/> checks the first answers.</summary>
    public XRocketInvoiceExpiryUnit InvoiceExpiryUnit { get; set; } = XRocketInvoiceExpiryUnit.Auto;

    /// <summary>Time allowed for one attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public XRocketRetryPolicy Retry { get; set; } = new();

    /// <summary>A client-side rate limit for every call of this client; null = none (a cmdlet may run its calls under its own).</summary>
    public XRocketThrottle? Throttle { get; set; }

    /// <summary>
    /// How long a create whose answer was lost keeps being settled (the same request, the same client id, sent
    /// again with backoff) while its route answers nothing; then it is Unknown. About half a minute by default.
    /// </summary>
    public TimeSpan SettleWithin { get; set; } = XRocketPayoutLimits.SettleWithin;

    /// <summary>A proxy; null uses the system proxy.</summary>
    public IWebProxy? Proxy { get; set; }

    /// <summary>Added to the User-Agent comment, such as <c>+PowerShell/7.4.6</c>.</summary>
    public string? UserAgentComment { get; set; }

    /// <summary>Called once per HTTP attempt, from a background thread.</summary>
    public Action<XRocketTrace>? Trace { get; set; }

    /// <summary>
    /// Asked once per attempt how much to trace, so a caller that reads nothing pays nothing (no body is
    /// masked or copied). Null: <see cref="XRocketTraceDetail.Summary"/> whenever <see cref="Trace"/> is set.
    /// </summary>
    public Func<XRocketTraceDetail>? TraceDetail { get; set; }

    /// <summary>
    /// Whether this is a production host, where test-only operations are refused before anything is sent: the
    /// Production or Exchange environment (whatever address it was given), or either one's address (SOURCES §2:
    /// both are production hosts).
    /// </summary>
    public bool IsProduction =>
        Environment is XRocketEnvironment.Production or XRocketEnvironment.Exchange
        || (BaseUri is { IsAbsoluteUri: true } address && (IsHostOf(address, ProductionUri) || IsHostOf(address, ExchangeUri)));

    public Uri ResolveBaseUri()
    {
        var uri = BaseUri ?? Environment switch
        {
            XRocketEnvironment.Testnet => TestnetUri,
            XRocketEnvironment.Exchange => ExchangeUri,
            XRocketEnvironment.Sandbox => SandboxUri,
            _ => ProductionUri,
        };
        if (!uri.IsAbsoluteUri)
        {
            throw new ArgumentException($"The base URI '{uri}' must be absolute.");
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)))
        {
            throw new ArgumentException($"The base URI '{uri}' must use https: the token must never travel in clear text (plain http is allowed only for loopback addresses such as the local sandbox).");
        }

        if (Proxy is not null && uri.Scheme != Uri.UriSchemeHttps)
        {
            // A proxy would see the token of a plain-http request (issue 14 item 7).
            throw new ArgumentException($"The base URI '{uri}' uses plain http with a proxy: the proxy would see the token in clear text. Use https, or no proxy for the local sandbox.");
        }

        return uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    private static bool IsHostOf(Uri address, Uri environment) =>
        string.Equals(address.Host, environment.Host, StringComparison.OrdinalIgnoreCase);

    internal static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
