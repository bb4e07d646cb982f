namespace XRocketPay.Sandbox;

/// <summary>
/// The sandbox's defaults, named once. The client and the module keep their own copies (they never
/// reference the sandbox); a test holds those copies to these values.
/// </summary>
public static class SandboxDefaults
{
    /// <summary>The Bearer token a sandbox accepts when none is configured.</summary>
    public const string Token = "sandbox-token";

    /// <summary>The port of the command-line sandbox (in-process sandboxes pick a free one).</summary>
    public const int Port = 5080;

    /// <summary>The key of the webhook <c>Signature</c> HMAC.</summary>
    public const string WebhookSecret = "sandbox-webhook-secret";

    /// <summary>Where the command-line sandbox listens.</summary>
    public const string Url = "http://127.0.0.1:5080";

    /// <summary>Most rows in one mass transfer (SOURCES §5.21: 1..500).</summary>
    public const int MaxMassTransferRows = 500;
}

/// <summary>Which naming of the transfer family the sandbox serves (SOURCES §5.18–5.21).</summary>
public enum SandboxDialect
{
    /// <summary>The official page's naming: /api/v1/transfers, transferId, clientTransferId.</summary>
    Transfers,

    /// <summary>Every public v1 client's naming: /api/v1/payouts, payoutId, clientPayoutId.</summary>
    Payouts,
}

/// <summary>How much of a response the sandbox sends.</summary>
public enum SandboxShape
{
    /// <summary>Everything the sandbox knows, including fields no public source shows.</summary>
    Full,

    /// <summary>Only fields at least one public v1 source shows (the contract's x-source); nullable fields as null.</summary>
    Evidence,
}

/// <summary>How the sandbox reads an invoice's <c>expiresIn</c>: the contract's milliseconds, or the seconds one public source says production reads.</summary>
public enum SandboxInvoiceExpiryUnit
{
    Milliseconds,
    Seconds,
}
