namespace XRocketPay.Sandbox;

/// <summary>How a sandbox starts. Every option has a default that lets a newcomer use it at once.</summary>
public sealed class SandboxOptions
{
    /// <summary>Kept for existing callers; see <see cref="SandboxDefaults.Token"/>.</summary>
    public const string DefaultToken = SandboxDefaults.Token;

    /// <summary>Kept for existing callers; see <see cref="SandboxDefaults.WebhookSecret"/>.</summary>
    public const string DefaultWebhookSecret = SandboxDefaults.WebhookSecret;

    /// <summary>Bearer tokens the sandbox accepts; the first is <see cref="SandboxServer.Token"/>.</summary>
    public IList<string> Tokens { get; } = new List<string> { DefaultToken };

    /// <summary>Starting balance per asset.</summary>
    public IDictionary<string, decimal> StartingBalances { get; } = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["TONCOIN"] = 10_000m, ["USDT"] = 10_000m, ["BTC"] = 10_000m, ["ETH"] = 10_000m,
        ["TRX"] = 10_000m, ["SOL"] = 10_000m, ["BNB"] = 10_000m, ["NOT"] = 10_000m,
    };

    /// <summary>Requests per minute per token and route; null turns rate limiting off.</summary>
    public int? RateLimitPerMinute { get; set; }

    public string WebhookSecret { get; set; } = DefaultWebhookSecret;

    /// <summary>A JSON file holding the state across restarts; null keeps state in memory only.</summary>
    public string? StateFile { get; set; }

    public TimeSpan WithdrawalCompletionDelay { get; set; } = TimeSpan.FromSeconds(2);

    public int MaxMassTransferRows { get; set; } = SandboxDefaults.MaxMassTransferRows;

    /// <summary>Telegram user ids that answer target_user_not_found.</summary>
    public ISet<long> UnknownUserIds { get; } = new HashSet<long> { 404404404 };

    /// <summary>Withdrawals to these addresses end in FAIL (and are refunded).</summary>
    public ISet<string> FailingAddresses { get; } = new HashSet<string>(StringComparer.Ordinal);

    public string Urls { get; set; } = "http://127.0.0.1:0";

    /// <summary>Which naming of the transfer family is served; the other answers the framework's route-not-found.</summary>
    public SandboxDialect Dialect { get; set; } = SandboxDialect.Transfers;

    /// <summary><see cref="SandboxShape.Evidence"/> sends only fields a public source shows.</summary>
    public SandboxShape Shape { get; set; } = SandboxShape.Full;

    /// <summary>The unit <c>expiresIn</c> of a new invoice is read in (changeable later through <c>PUT /sandbox/config</c>).</summary>
    public SandboxInvoiceExpiryUnit InvoiceExpiryUnit { get; set; } = SandboxInvoiceExpiryUnit.Milliseconds;

    /// <summary>Binding to anything but loopback needs this on purpose.</summary>
    public bool AllowNonLoopback { get; set; }
}
