namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// Reads a journal for an audit: the last word on each row (an audit, unlike a run, keeps one small entry
/// per row: client id, asset, amount, status), then compares it with the API's transfers.
/// </summary>
internal sealed class PayoutJournalAudit
{
    private readonly Dictionary<string, Entry> _rows = new(StringComparer.Ordinal);
    private readonly List<XRocketJournalDifference> _differences = new();
    private string _path = "";
    private string? _batchId;
    private int _runs, _matched, _missing, _different, _paidNotJournaled, _otherTransfers;
    private bool _compared;

    public DateTimeOffset? FirstAt { get; private set; }
    public DateTimeOffset? LastAt { get; private set; }

    public static PayoutJournalAudit Read(string path)
    {
        var audit = new PayoutJournalAudit { _path = path };
        foreach (var line in PayoutJournalLine.ReadAll(path))
        {
            audit.FirstAt ??= line.At;
            audit.LastAt = line.At ?? audit.LastAt;
            switch (line.Type)
            {
                case PayoutJournalLine.Run:
                    audit._batchId ??= line.BatchId;
                    audit._runs++;
                    break;
                case PayoutJournalLine.Intent when line.ClientTransferId is { } id:
                    if (!audit._rows.TryGetValue(id, out var entry))
                    {
                        audit._rows[id] = new Entry { Asset = line.Asset ?? "", Amount = line.Amount ?? 0m, Target = line.Target };
                    }

                    break;
                case PayoutJournalLine.Outcome when line.ClientTransferId is { } id:
                    if (audit._rows.TryGetValue(id, out var known) && !Outcomes.IsPaid(known.Status))
                    {
                        known.Status = line.Status;
                    }

                    break;
            }
        }

        return audit;
    }

    /// <summary>Compares with the API's transfers (streamed); returns true.</summary>
    public bool Compare(IEnumerable<Transfer> transfers)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var transfer in transfers)
        {
            if (transfer.ClientTransferId is not { } id || !_rows.TryGetValue(id, out var entry) || !seen.Add(id))
            {
                _otherTransfers++;
                continue;
            }

            var sameMoney = Outcomes.Differences(transfer, entry.Target, entry.Asset, entry.Amount).Count == 0;
            if (!entry.Paid)
            {
                _paidNotJournaled++;
                _differences.Add(new XRocketJournalDifference("PaidWithoutOutcome", id, entry.Asset, entry.Amount, transfer.Asset, transfer.Amount, transfer.TransferId));
            }
            else if (!sameMoney)
            {
                _different++;
                _differences.Add(new XRocketJournalDifference("DifferentAmount", id, entry.Asset, entry.Amount, transfer.Asset, transfer.Amount, transfer.TransferId));
            }
            else
            {
                _matched++;
            }
        }

        foreach (var pair in _rows.Where(p => p.Value.Paid && !seen.Contains(p.Key)))
        {
            _missing++;
            _differences.Add(new XRocketJournalDifference("Missing", pair.Key, pair.Value.Asset, pair.Value.Amount, null, null, null));
        }

        _compared = true;
        return true;
    }

    public XRocketJournalSummary Summary()
    {
        int Count(Func<Entry, bool> test) => _rows.Values.Count(test);
        var paid = _rows.Values.Where(e => e.Paid).GroupBy(e => e.Asset, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new XRocketPayoutTotal(g.Key, XRocketMoney.Normalize(g.Sum(e => e.Amount)), g.Count(), null)).ToList();
        return new XRocketJournalSummary(_path, _batchId, _runs, _rows.Count,
            Count(e => e.Paid), Count(e => e.Status == nameof(XRocketOutcome.Failed)), Count(e => e.Status == nameof(XRocketOutcome.Unknown)), Count(e => e.Status is null),
            paid, FirstAt, LastAt, _compared,
            _compared ? _matched : null, _compared ? _missing : null, _compared ? _different : null, _compared ? _paidNotJournaled : null, _compared ? _otherTransfers : null,
            _differences);
    }

    private sealed class Entry
    {
        public string Asset = "";
        public decimal Amount;
        public string? Target;
        public string? Status;

        public bool Paid => Outcomes.IsPaid(Status);
    }
}
