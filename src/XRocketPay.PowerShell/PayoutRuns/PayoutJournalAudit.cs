namespace XRocketPay.PowerShell.PayoutRuns;

/// <summary>The kinds of <see cref="XRocketJournalDifference"/>: the one list, guarded by a convention test.</summary>
internal static class JournalDifferenceKinds
{
    /// <summary>Paid per the journal, not in the API's list.</summary>
    internal const string Missing = "Missing";

    /// <summary>In both, with another recipient, amount or asset than the attempt the journal shows paid.</summary>
    internal const string DifferentAmount = "DifferentAmount";

    /// <summary>In the API's list while the journal has no paid outcome (a run killed after the server committed).</summary>
    internal const string PaidWithoutOutcome = "PaidWithoutOutcome";
}

/// <summary>
/// An audit of a journal: the core's one reading of it (<see cref="PayoutJournalHistory"/>: each row's attempt
/// that counts and its outcome) compared with the API's transfers.
/// </summary>
internal sealed class PayoutJournalAudit
{
    private readonly PayoutJournalHistory _history;
    private readonly string _path;
    private readonly List<XRocketJournalDifference> _differences = new();
    private int _matched, _missing, _different, _paidNotJournaled, _otherTransfers;
    private bool _compared;

    private PayoutJournalAudit(string path, PayoutJournalHistory history)
    {
        _path = path;
        _history = history;
    }

    public DateTimeOffset? FirstAt => _history.FirstAt;
    public DateTimeOffset? LastAt => _history.LastAt;

    public static PayoutJournalAudit Read(string path) => new(path, PayoutJournal.Read(path));

    /// <summary>Compares with the API's transfers (streamed); returns true.</summary>
    public bool Compare(IEnumerable<Transfer> transfers)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var transfer in transfers)
        {
            if (transfer.ClientTransferId is not { } id || _history.Row(id) is not { } row || !seen.Add(id))
            {
                _otherTransfers++;
                continue;
            }

            if (!row.IsPaid)
            {
                _paidNotJournaled++;
                _differences.Add(Difference(JournalDifferenceKinds.PaidWithoutOutcome, row, transfer));
            }
            else if (Outcomes.Differences(transfer, row.TelegramUserId, row.Asset, row.Amount).Count > 0)
            {
                _different++;
                _differences.Add(Difference(JournalDifferenceKinds.DifferentAmount, row, transfer));
            }
            else
            {
                _matched++;
            }
        }

        foreach (var row in _history.Rows.Where(r => r.IsPaid && !seen.Contains(r.ClientTransferId)))
        {
            _missing++;
            _differences.Add(Difference(JournalDifferenceKinds.Missing, row, null));
        }

        _compared = true;
        return true;
    }

    public XRocketJournalSummary Summary()
    {
        var rows = _history.Rows;
        int Count(Func<PayoutJournalRow, bool> test) => rows.Count(test);
        var paid = rows.Where(r => r.IsPaid).GroupBy(r => r.Asset, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new XRocketPayoutTotal(g.Key, XRocketMoney.Normalize(g.Sum(r => r.Amount)), g.Count(), null)).ToList();
        return new XRocketJournalSummary(_path, _history.BatchId, _history.Runs, rows.Count,
            Count(r => r.IsPaid), Count(r => r.Outcome == XRocketOutcome.Failed), Count(r => r.Outcome == XRocketOutcome.Unknown), Count(r => r.Outcome is null),
            paid, FirstAt, LastAt, _compared,
            _compared ? _matched : null, _compared ? _missing : null, _compared ? _different : null, _compared ? _paidNotJournaled : null, _compared ? _otherTransfers : null,
            _differences);
    }

    private static XRocketJournalDifference Difference(string kind, PayoutJournalRow row, Transfer? transfer) =>
        new(kind, row.ClientTransferId, row.Asset, row.Amount, transfer?.Asset, transfer?.Amount, transfer?.TransferId);
}
