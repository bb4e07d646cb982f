namespace XRocketPay.PowerShell;

/// <summary>The preflight of a payout run: rows, per-asset totals against the balance, and the problems that stop it.</summary>
public sealed class XRocketPayoutPreflight
{
    internal XRocketPayoutPreflight(int rows, int validRows, int invalidRows, int duplicateRows, IReadOnlyList<string> duplicates, int alreadyPaid, IReadOnlyList<XRocketPayoutTotal> totals, IReadOnlyList<string> problems, bool checkedAgainstApi, string? journal, bool whatIf, int? paidUnderAnotherBatch = null, int? transfersRead = null)
    {
        PaidUnderAnotherBatch = paidUnderAnotherBatch;
        TransfersRead = transfersRead;
        Rows = rows;
        ValidRows = validRows;
        InvalidRows = invalidRows;
        DuplicateRows = duplicateRows;
        Duplicates = duplicates;
        AlreadyPaid = alreadyPaid;
        Totals = totals;
        Problems = problems;
        CheckedAgainstApi = checkedAgainstApi;
        Journal = journal;
        WhatIf = whatIf;
    }

    /// <summary>True when nothing stops the run (no problems).</summary>
    public bool Passed => Problems.Count == 0;
    public int Rows { get; }
    public int ValidRows { get; }
    public int InvalidRows { get; }

    /// <summary>Rows identical to an earlier row (recipient, asset, amount, description): flagged, still paid.</summary>
    public int DuplicateRows { get; }

    /// <summary>Each duplicate row with the earlier row it repeats, by row number: <c>Row 5 = row 2</c>.</summary>
    public IReadOnlyList<string> Duplicates { get; }

    /// <summary>Rows the journal already knows as paid: skipped, without a request.</summary>
    public int AlreadyPaid { get; }

    /// <summary>
    /// Information, never a problem (monthly payrolls repeat rows): rows that match a payment made under
    /// another batch id (same recipient, asset and amount; a client id not of this batch) among the
    /// <see cref="TransfersRead"/> most recent transfers the preflight read. Null when it read none (only a
    /// -Preflight -WhatIf reads the transfer list). The API gives transfers no date, so it is a count of
    /// transfers, not of days.
    /// </summary>
    public int? PaidUnderAnotherBatch { get; }

    /// <summary>How many of the most recent transfers <see cref="PaidUnderAnotherBatch"/> looked at.</summary>
    public int? TransfersRead { get; }

    /// <summary>What is still to send, per asset, with the available balance (null when not connected).</summary>
    public IReadOnlyList<XRocketPayoutTotal> Totals { get; }
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Whether assets and balances were checked with the API (false when not connected, for example under -WhatIf).</summary>
    public bool CheckedAgainstApi { get; }
    public string? Journal { get; }
    public bool WhatIf { get; }

    public override string ToString() => Passed
        ? $"Preflight passed: {ValidRows} row(s), {string.Join(", ", Totals)}"
        : $"Preflight failed: {string.Join(" ", Problems)}";
}
