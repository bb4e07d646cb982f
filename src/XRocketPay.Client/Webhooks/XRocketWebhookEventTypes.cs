namespace XRocketPay.Client;

/// <summary>
/// The envelope <c>type</c> values this module reads into typed data: the one home of the webhook event
/// vocabulary, for the core (<see cref="XRocketWebhookEnvelope"/>) and the module's event alike.
/// </summary>
public static class XRocketWebhookEventTypes
{
    public const string Invoice = "invoice";
    public const string Cheque = "cheque";

    /// <summary>A transfer, as the payouts dialect names it.</summary>
    public const string Payout = "payout";

    /// <summary>A transfer, as the transfers dialect names it.</summary>
    public const string Transfer = "transfer";

    public const string Withdrawal = "withdrawal";

    /// <summary>Every type above; any other type is read as raw data.</summary>
    public static IReadOnlyList<string> Known { get; } = new[] { Invoice, Cheque, Payout, Transfer, Withdrawal };

    /// <summary>Payout and transfer events both carry a transfer.</summary>
    public static bool IsTransfer(string? type) => type is Payout or Transfer;
}
