namespace XRocketPay.Client;

/// <summary>One row of a journal as its lines leave it: the attempt that counts and its outcome.</summary>
public sealed class PayoutJournalRow
{
    internal PayoutJournalRow(string clientTransferId) => ClientTransferId = clientTransferId;

    public string ClientTransferId { get; }

    /// <summary>The attempt that counts: the paid one once the row is paid, else the latest.</summary>
    public string? TelegramUserId { get; internal set; }
    public string Asset { get; internal set; } = "";
    public decimal Amount { get; internal set; }

    /// <summary>The outcome of that attempt; null while it has none (an intent without an outcome: a run was killed).</summary>
    public XRocketOutcome? Outcome { get; internal set; }
    public string? TransferId { get; internal set; }

    public bool IsPaid => Outcome is { } outcome && Outcomes.IsPaid(outcome);

    /// <summary>May have been paid: sent with no outcome, or Unknown. A resumed run settles it by its client id.</summary>
    public bool IsPending => Outcome is null or XRocketOutcome.Unknown;
}
