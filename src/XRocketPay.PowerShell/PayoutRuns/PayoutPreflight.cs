namespace XRocketPay.PowerShell.PayoutRuns;

/// <summary>
/// The preflight of a payout run: the whole input read (held in a <see cref="PayoutRunSpool"/>), counted and
/// checked before the first payment, and summarised. Checked: bad rows (counted; their error records are
/// written as they are read, and they are never sent), duplicate rows (named with the earlier row's number,
/// still paid: two identical rows are two payouts), repeated client ids, unknown assets, per-asset totals
/// against the available balance; under -WhatIf -Preflight also what the transfer list already shows paid,
/// and the plan. Besides the spool only per-asset sums and compact hash sets are kept (8 bytes a row, 16 more
/// for a row that brings its own client id).
/// </summary>
internal sealed class PayoutPreflight : IDisposable
{
    private readonly PayoutRunCmdlet _cmdlet;
    private readonly XRocketPayoutRun _engine;
    private readonly IPayoutRunDriver _driver;
    private readonly PayoutRunSpool _spool = new();
    private readonly List<string> _duplicateRows = new();
    private readonly HashSet<(ulong, ulong)> _givenClientIds = new();
    private readonly SortedDictionary<string, (decimal Amount, int Rows)> _totals = new(StringComparer.Ordinal);
    private readonly HashSet<string> _paidIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _conflicts = new(StringComparer.Ordinal);
    private int _rows, _invalid, _duplicates, _repeatedIds, _alreadyPaid;

    public PayoutPreflight(PayoutRunCmdlet cmdlet, XRocketPayoutRun engine, IPayoutRunDriver driver)
    {
        _cmdlet = cmdlet;
        _engine = engine;
        _driver = driver;
    }

    /// <summary>The valid rows read.</summary>
    public int Count => _spool.Count;

    /// <summary>The valid rows, in input order, for the run to send once the preflight passed.</summary>
    public IEnumerable<PayoutRow> Rows => _spool.ReadAll();

    /// <summary>
    /// Checks the rows read and writes the summary: on the output with -Preflight (and under -WhatIf the plan,
    /// one object per row); on the information stream when the preflight is only the cmdlet's default (then
    /// -WhatIf stays local and shows the usual What if lines). True when sending (or -WhatIf lines) may go on.
    /// </summary>
    public bool Check()
    {
        var quiet = !_cmdlet.Preflight.IsPresent;
        var whatIf = _cmdlet.WhatIfOnly;
        var journal = _cmdlet.RunJournal;
        var connection = (quiet && whatIf) || _spool.Count == 0 ? null : _cmdlet.ReferenceConnection;
        IReadOnlyList<Currency>? currencies = null;
        IReadOnlyList<AssetBalance>? balances = null;
        (int, int)? paidUnderAnotherBatch = null;
        if (connection is not null)
        {
            currencies = Currencies.Fetch(connection, () => _driver.Run(token => _engine.CallAsync((client, t) => client.GetCurrenciesAsync(null, t), token)));
            balances = _driver.Run(token => _engine.CallAsync((client, t) => client.GetBalancesAsync(t), token));
            if (whatIf && !quiet)
            {
                FindPaid(journal);
                var batchPrefix = _cmdlet.BatchId is null ? null : ClientIds.PrefixOf(_cmdlet.BatchId);
                paidUnderAnotherBatch = (_engine.CountPaidUnderAnotherBatch(_spool.ReadAll().Select(r => r.Payout), batchPrefix), _engine.TransfersListed);
            }
        }

        var summary = Finish(currencies, balances, journal, whatIf, paidUnderAnotherBatch);
        if (whatIf && !quiet)
        {
            foreach (var row in _spool.ReadAll())
            {
                _cmdlet.WriteObject(PlanOf(row, journal));
            }
        }

        if (quiet)
        {
            _cmdlet.WriteInformation(summary, new[] { nameof(XRocketPayoutPreflight) });
            _cmdlet.WriteVerbose(summary.ToString());
        }
        else
        {
            _cmdlet.WriteObject(summary);
        }

        if (!summary.Passed)
        {
            _cmdlet.WriteError(ErrorRecords.Input(ModuleErrorIds.PreflightFailed,
                "Preflight failed; nothing was sent: " + string.Join(" ", summary.Problems), summary, ErrorCategory.InvalidData));
            return false;
        }

        return quiet || !whatIf;
    }

    public void Dispose() => _spool.Dispose();

    /// <summary>
    /// Under -WhatIf: what the batch already paid, asked the way re-runs verify taken rows (transfer list
    /// pages, no request per row), so the plan shows AlreadyPaid and the conflicts (issue 25).
    /// </summary>
    private void FindPaid(PayoutJournal? journal)
    {
        var batch = new Dictionary<XRocketPayoutRow, PayoutRow>();
        void Ask()
        {
            var rows = batch.Keys.ToList();
            foreach (var found in _driver.Run(token => _engine.FindPaidAsync(rows, token)))
            {
                if (Found(found) is { } conflict)
                {
                    _cmdlet.WriteError(ErrorRecords.From(conflict, batch[found.Row].ErrorTarget));
                }
            }

            batch.Clear();
        }

        foreach (var row in _spool.ReadAll().Where(r => journal?.IsPaid(r.Payout.ClientTransferId) != true))
        {
            batch.Add(row.Payout, row);
            if (batch.Count == XRocketPayoutLimits.TransferListPage)
            {
                Ask();
            }
        }

        if (batch.Count > 0)
        {
            Ask();
        }
    }

    /// <summary>
    /// A row the transfer list already shows under its client id (a -WhatIf preflight): paid the same
    /// (counted AlreadyPaid, out of the totals), or a conflict, which is returned to be written.
    /// </summary>
    private XRocketException? Found(XRocketPayoutResult found)
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

    /// <summary>Counts a row read (null: refused, its error already written) and holds a valid one for the run.</summary>
    public void Add(PayoutRow? row, bool clientIdGiven)
    {
        _rows++;
        if (row is null)
        {
            _invalid++;
            return;
        }

        _spool.Add(row);
        var payout = row.Payout;
        if (row.DuplicateOf > 0)
        {
            _duplicates++;
            _duplicateRows.Add($"Row {row.Position} = row {row.DuplicateOf}");
        }

        // Derived and random ids never repeat: only the ids rows bring are kept.
        if (clientIdGiven && !_givenClientIds.Add(CompactId.Of128(payout.ClientTransferId)))
        {
            _repeatedIds++;
        }

        // Admitted from the journal the way the run will admit it: the same payment is skipped, a changed one is a conflict.
        if (Outcomes.Admit(payout, _cmdlet.RunJournal) is { } admitted)
        {
            if (admitted.Error is { } conflict)
            {
                _conflicts[payout.ClientTransferId] = conflict.Message;
            }
            else
            {
                _alreadyPaid++;
            }

            return;
        }

        _totals.TryGetValue(payout.Asset, out var total);
        _totals[payout.Asset] = (total.Amount + payout.Amount, total.Rows + 1);
    }

    private XRocketPayoutPreflight Finish(IReadOnlyList<Currency>? currencies, IReadOnlyList<AssetBalance>? balances, PayoutJournal? journal, bool whatIf, (int Rows, int TransfersRead)? paidUnderAnotherBatch)
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

    private XRocketPayoutPlanRow PlanOf(PayoutRow row, PayoutJournal? journal)
    {
        var payout = row.Payout;
        var action = _conflicts.ContainsKey(payout.ClientTransferId) ? PayoutPlanActions.Conflict
            : Outcomes.Admit(payout, journal) is not null || _paidIds.Contains(payout.ClientTransferId) ? PayoutPlanActions.Skip
            : journal?.IsPending(payout.ClientTransferId) == true ? PayoutPlanActions.Reconcile : PayoutPlanActions.Send;
        return new(action, payout.ClientTransferId, payout.TelegramUserId, payout.Asset, payout.Amount, payout.Description)
        {
            Row = row.Position, DuplicateOf = row.DuplicateOf == 0 ? null : row.DuplicateOf,
        };
    }
}

/// <summary>The actions of a -WhatIf plan (<see cref="XRocketPayoutPlanRow.Action"/>): the one list, guarded by a convention test.</summary>
internal static class PayoutPlanActions
{
    /// <summary>Would be sent.</summary>
    internal const string Send = "Send";

    /// <summary>Paid already, the same payment: costs no request.</summary>
    internal const string Skip = "Skip";

    /// <summary>Its client id paid another payment: refused, nothing sent.</summary>
    internal const string Conflict = "Conflict";

    /// <summary>Sent by an earlier run with no outcome known: looked up first (the same client id cannot pay twice).</summary>
    internal const string Reconcile = "Reconcile";
}
