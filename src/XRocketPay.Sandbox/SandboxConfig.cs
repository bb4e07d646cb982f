namespace XRocketPay.Sandbox;

/// <summary>The settings that can change while the sandbox runs (through PUT /sandbox/config).</summary>
internal sealed class SandboxConfig
{
    public int? RateLimitPerMinute { get; set; }
    public int WithdrawalCompletionDelayMs { get; set; }
    public int MaxMassTransferRows { get; set; }
    public string WebhookSecret { get; set; } = "";
    public HashSet<long> UnknownUserIds { get; set; } = new();
    public HashSet<string> FailingAddresses { get; set; } = new(StringComparer.Ordinal);
    public SandboxInvoiceExpiryUnit InvoiceExpiryUnit { get; set; }

    /// <summary>Fixed at start (routes and the contract depend on them); shown, never changed, by /sandbox/config.</summary>
    public SandboxDialect Dialect { get; init; }

    public SandboxShape Shape { get; init; }

    public static SandboxConfig From(SandboxOptions options) => new()
    {
        RateLimitPerMinute = options.RateLimitPerMinute,
        WithdrawalCompletionDelayMs = (int)options.WithdrawalCompletionDelay.TotalMilliseconds,
        MaxMassTransferRows = options.MaxMassTransferRows,
        WebhookSecret = options.WebhookSecret,
        UnknownUserIds = new HashSet<long>(options.UnknownUserIds),
        FailingAddresses = new HashSet<string>(options.FailingAddresses, StringComparer.Ordinal),
        InvoiceExpiryUnit = options.InvoiceExpiryUnit,
        Dialect = options.Dialect,
        Shape = options.Shape,
    };

    public object ToJson() => new
    {
        rateLimitPerMinute = RateLimitPerMinute,
        withdrawalCompletionDelayMs = WithdrawalCompletionDelayMs,
        maxMassTransferRows = MaxMassTransferRows,
        webhookSecret = WebhookSecret,
        unknownUserIds = UnknownUserIds.OrderBy(i => i),
        failingAddresses = FailingAddresses.OrderBy(a => a, StringComparer.Ordinal),
        invoiceExpiryUnit = InvoiceExpiryUnit.ToString().ToLowerInvariant(),
        dialect = Dialect.ToString().ToLowerInvariant(),
        shape = Shape.ToString().ToLowerInvariant(),
    };

    public void Apply(RequestBody body)
    {
        if (body.Root.TryGetProperty("rateLimitPerMinute", out var rate))
        {
            RateLimitPerMinute = rate.ValueKind == System.Text.Json.JsonValueKind.Null ? null : body.Int("rateLimitPerMinute");
        }

        WithdrawalCompletionDelayMs = body.Int("withdrawalCompletionDelayMs") ?? WithdrawalCompletionDelayMs;
        MaxMassTransferRows = body.Int("maxMassTransferRows") ?? MaxMassTransferRows;
        WebhookSecret = body.String("webhookSecret") ?? WebhookSecret;
        if (body.Has("unknownUserIds"))
        {
            UnknownUserIds = body.Array("unknownUserIds").Select(e => e.GetInt64()).ToHashSet();
        }

        if (body.String("invoiceExpiryUnit") is { } unit)
        {
            InvoiceExpiryUnit = ParseExpiryUnit(unit) ?? throw Problem.Validation("'invoiceExpiryUnit' must be milliseconds or seconds.");
        }

        if (body.Has("failingAddresses"))
        {
            FailingAddresses = body.Array("failingAddresses").Select(e => e.GetString() ?? "").ToHashSet(StringComparer.Ordinal);
        }
    }

    /// <summary>The two spellings the command line and the config accept: <c>milliseconds</c> and <c>seconds</c>.</summary>
    public static SandboxInvoiceExpiryUnit? ParseExpiryUnit(string text) => text.Trim().ToLowerInvariant() switch
    {
        "milliseconds" => SandboxInvoiceExpiryUnit.Milliseconds,
        "seconds" => SandboxInvoiceExpiryUnit.Seconds,
        _ => null,
    };
}
