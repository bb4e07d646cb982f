namespace XRocketPay.PowerShell;

/// <summary>What Get-XRocketJournal reads from a payout journal, and (with -Compare) how it agrees with the API.</summary>
public sealed class XRocketJournalSummary
{
    internal XRocketJournalSummary(string path, string? batchId, int runs, int rows, int paid, int failed, int unknown, int pending,
        IReadOnlyList<XRocketPayoutTotal> paidTotals, DateTimeOffset? firstAt, DateTimeOffset? lastAt, bool compared,
        int? matchedInApi, int? missingFromApi, int? differentAmount, int? paidWithoutOutcome, int? otherTransfers, IReadOnlyList<XRocketJournalDifference> differences)
    {
        Path = path;
        BatchId = batchId;
        Runs = runs;
        Rows = rows;
        Paid = paid;
        Failed = failed;
        Unknown = unknown;
        Pending = pending;
        PaidTotals = paidTotals;
        FirstAt = firstAt;
        LastAt = lastAt;
        Compared = compared;
        MatchedInApi = matchedInApi;
        MissingFromApi = missingFromApi;
        DifferentAmount = differentAmount;
        PaidWithoutOutcome = paidWithoutOutcome;
        OtherTransfers = otherTransfers;
        Differences = differences;
    }

    public string Path { get; }
    public string? BatchId { get; }
    public int Runs { get; }

    /// <summary>Distinct rows (client ids) with an intent.</summary>
    public int Rows { get; }

    /// <summary>Rows whose last outcome is Sent or AlreadyDone.</summary>
    public int Paid { get; }
    public int Failed { get; }
    public int Unknown { get; }

    /// <summary>Rows with an intent and no outcome (a killed run): a resumed run reconciles them.</summary>
    public int Pending { get; }
    public IReadOnlyList<XRocketPayoutTotal> PaidTotals { get; }
    public DateTimeOffset? FirstAt { get; }
    public DateTimeOffset? LastAt { get; }

    /// <summary>Whether the API's transfer list was read (-Compare); the counts below are null otherwise.</summary>
    public bool Compared { get; }

    /// <summary>Paid per the journal and in the API's list with the same asset and amount.</summary>
    public int? MatchedInApi { get; }

    /// <summary>Paid per the journal and not in the API's list.</summary>
    public int? MissingFromApi { get; }

    /// <summary>In both, with another amount or asset.</summary>
    public int? DifferentAmount { get; }

    /// <summary>In the API's list while the journal has no paid outcome (a run killed after the server committed).</summary>
    public int? PaidWithoutOutcome { get; }

    /// <summary>Transfers in the window that are not this journal's.</summary>
    public int? OtherTransfers { get; }

    /// <summary>Every row that does not match (Missing, DifferentAmount, PaidWithoutOutcome).</summary>
    public IReadOnlyList<XRocketJournalDifference> Differences { get; }

    /// <summary>True when compared and nothing differs.</summary>
    public bool? MatchesApi => Compared ? Differences.Count == 0 : null;

    public override string ToString() => $"{Path}: {Rows} row(s), {Paid} paid, {Pending} pending";
}
