namespace XRocketPay.PowerShell;

/// <summary>A verified connection to one xRocket Pay app. Shows a masked hint of the token, never the token.</summary>
public sealed class XRocketConnection
{
    internal XRocketConnection(XRocketClient client, string environment, App? app, string tokenSource)
    {
        TokenSource = tokenSource;
        Client = client;
        Environment = environment;
        AppName = app?.Name;
        AppId = app?.Id;
        ConnectedAt = DateTimeOffset.Now;
    }

    public string Environment { get; }
    public Uri BaseUri => Client.BaseUri;

    /// <summary>How this server names transfers on the wire (Transfers or Payouts); cmdlets and objects are the same in both.</summary>
    public XRocketApiDialect ApiDialect => Client.Dialect;
    /// <summary>
    /// The unit invoice expiries are sent in (Connect-XRocket -InvoiceExpiryUnit): Milliseconds or Seconds, or Auto
    /// until the first invoice created with an expiry has shown which unit this server reads.
    /// </summary>
    public XRocketInvoiceExpiryUnit InvoiceExpiryUnit => Client.InvoiceExpiryUnit;

    /// <summary>The client-side request rate limit per route (Connect-XRocket -RequestsPerSecond), or null.</summary>
    public double? RequestsPerSecond => Client.Options.Throttle?.RequestsPerSecond;
    public string TokenHint => Client.Options.Token?.Hint ?? "";

    /// <summary>Where the token came from: -ApiKey, -Credential, -Vault, $env:XROCKET_API_KEY or the sandbox's default token.</summary>
    public string TokenSource { get; }
    public string? AppName { get; }
    public string? AppId { get; }
    public DateTimeOffset ConnectedAt { get; }

    internal XRocketClient Client { get; }

    public override string ToString() => $"{Environment} {BaseUri} ({TokenHint})";
}
