namespace XRocketPay.Client;

/// <summary>What became of one row of a payout run.</summary>
public sealed class XRocketPayoutResult
{
    internal XRocketPayoutResult(XRocketPayoutRow row, XRocketOutcome outcome, Transfer? transfer, XRocketException? error)
    {
        Row = row;
        Outcome = outcome;
        Transfer = transfer;
        Error = error;
    }

    public XRocketPayoutRow Row { get; }
    public XRocketOutcome Outcome { get; }

    /// <summary>The transfer that pays the row (or, on a conflict, the one holding its client id), when known; for a row the journal knew as paid, its id and payment as journaled.</summary>
    public Transfer? Transfer { get; }

    /// <summary>Why the row is Failed or Unknown; an Unknown row's message says how to settle it.</summary>
    public XRocketException? Error { get; }
}
