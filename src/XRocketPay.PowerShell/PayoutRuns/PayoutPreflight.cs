namespace XRocketPay.PowerShell.PayoutRuns;

/// <summary>
/// Counts and checks the rows of a run before the first payment: bad rows (counted; their error records are
/// written as they are read, and they are never sent), duplicate rows (named with the earlier row's number, still paid: two identical rows are two payouts), repeated
/// client ids, unknown assets, and per-asset totals against the available balance. Only per-asset sums and
/// compact hash sets are kept (8 bytes a row, 16 more for a row that brings its own client id).
/// </summary>
internal sealed class PayoutPreflight
{
    private readonly List<string> _duplicateRows = new();
    private readonly HashSet<(ulong, ulong)> _givenClientIds = new();
    private readonly SortedDictionary<string, (decimal Amount, int Rows)> _totals = new(StringComparer.Ordinal);
    private readonly HashSet<string> _paidIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _conflicts = new(StringComparer.Ordinal);
    private int _rows, _invalid, _duplicates, _repeatedIds, _alreadyPaid;

    /// <summary>
    /// A row the transfer list already shows under its client id (a -WhatIf preflight): paid the same
    /// (counted AlreadyPaid, out of the totals), or a conflict, which is returned to be written.
    /// </summary>
    public XRocketException? Found(XRocketPayoutResult found)
    {
        var row = found.Row;
        if (Outcomes.IsPaid(found.Outcome))
        {
            if (_paidIds.Add(row.ClientTransferId))
            {
                _alreadyPaid++;
                _totals.TryGetValue(row.Asset, out var total);
                _totals[row.Asset] = (total.Amount - row.Amount, total.Rows - 1);
            }

            return null;
        }

        _conflicts[row.ClientTransferId] = found.Error?.Message ?? "";
        return found.Error;
    }

    public void Add(PayoutRow? row, bool clientIdGiven, ClientIds? ids, PayoutJournal? journal)
    {
        _rows++;
        if (row is null)
        {
            _invalid++;
            return;
        }

        if (row.DuplicateOf > 0)
        {
            _duplicates++;
            _duplicateRows.Add($"Row {row.Position} = row {row.DuplicateOf}");
        }

        // Derived and random ids never repeat: only the ids rows bring are kept.
        if (clientIdGiven && !_givenClientIds.Add(CompactId.Of128(row.ClientTransferId)))
        {
            _repeatedIds++;
        }

        // Admitted from the journal the way the run will admit it: the same payment is skipped, a changed one is a conflict.
        if (Outcomes.Admit(row, journal) is { } admitted)
        {
            if (admitted.Error is { } conflict)
            {
                _conflicts[row.ClientTransferId] = conflict.Message;
            }
            else
            {
                _alreadyPaid++;
            }

            return;
        }

        _totals.TryGetValue(row.Asset, out var total);
        _totals[row.Asset] = (total.Amount + row.Amount, total.Rows + 1);
    }

    public XRocketPayoutPreflight Finish(IReadOnlyList<Currency>? currencies, IReadOnlyList<AssetBalance>? balances, PayoutJournal? journal, PayoutRunSpool spool, bool whatIf, (int Rows, int TransfersRead)? paidUnderAnotherBatch = null)
    {
        // Invalid rows are never sent and each has its own error record (a retry file): counted, not blocking,
        // since a bad row must never stop a run (issue 14). What stops it: repeated ids, totals over the balance.
        var problems = new List<string>();

        problems.AddRange(_conflicts.Values);
        if (_repeatedIds > 0)
        {
            problems.Add($"{_repeatedIds} row(s) repeat another row's ClientTransferId.");
        }

        var totals = new List<XRocketPayoutTotal>();
        foreach (var pair in _totals.Where(t => t.Value.Rows > 0))
        {
            var known = currencies is null || currencies.Any(c => c.Code.Equals(pair.Key, StringComparison.OrdinalIgnoreCase));
            var available = balances?.FirstOrDefault(b => b.Asset.Equals(pair.Key, StringComparison.OrdinalIgnoreCase))?.Available;
            if (!known)
            {
                problems.Add($"Asset {pair.Key} is not one of the API's currencies.");
            }
            else if (balances is not null && (available ?? 0m) < pair.Value.Amount)
            {
                problems.Add($"{pair.Key}: the total {XRocketMoney.Format(pair.Value.Amount)} exceeds the available balance {XRocketMoney.Format(available ?? 0m)}.");
            }

            totals.Add(new XRocketPayoutTotal(pair.Key, XRocketMoney.Normalize(pair.Value.Amount), pair.Value.Rows, balances is null ? null : XRocketMoney.Normalize(available ?? 0m)));
        }

        return new XRocketPayoutPreflight(_rows, _rows - _invalid, _invalid, _duplicates, _duplicateRows, _alreadyPaid, totals, problems,
            checkedAgainstApi: currencies is not null && balances is not null, journal?.Path, whatIf,
            paidUnderAnotherBatch?.Rows, paidUnderAnotherBatch?.TransfersRead);
    }

    public XRocketPayoutPlanRow PlanOf(PayoutRow row, PayoutJournal? journal) =>
        new(_conflicts.ContainsKey(row.ClientTransferId) ? "Conflict"
            : Outcomes.Admit(row, journal) is not null || _paidIds.Contains(row.ClientTransferId) ? "Skip"
            : journal?.IsPending(row.ClientTransferId) == true ? "Reconcile" : "Send",
            row.ClientTransferId, row.TelegramUserId, row.Asset, row.Amount, row.Description) { Row = row.Position, DuplicateOf = row.DuplicateOf == 0 ? null : row.DuplicateOf };
}
