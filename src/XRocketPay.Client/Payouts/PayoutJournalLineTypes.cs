namespace XRocketPay.Client;

/// <summary>
/// The types of a payout journal's lines, as written in their <c>type</c> field (the one list: the writer,
/// the reader and the spool use these and no other).
/// </summary>
public static class PayoutJournalLineTypes
{
    /// <summary>A run started: batchId, command, version. A journal's first line.</summary>
    public const string Run = "run";

    /// <summary>A row about to be sent (written and flushed before its request).</summary>
    public const string Intent = "intent";

    /// <summary>What came of a row: its <see cref="XRocketOutcome"/>, transfer id, error id.</summary>
    public const string Outcome = "outcome";

    /// <summary>A validated row held by a preflight's spool (a temporary file, never a journal).</summary>
    public const string Row = "row";

    /// <summary>Every type, for the reader and the convention test.</summary>
    public static IReadOnlyList<string> All { get; } = new[] { Run, Intent, Outcome, Row };
}
