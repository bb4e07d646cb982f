namespace XRocketPay.PowerShell.PayoutRuns;

/// <summary>The preflight of a payout run: the whole input checked, and summarised, before the first payment.</summary>
public abstract partial class PayoutRunCmdlet
{
    /// <summary>
    /// Checks the spooled rows and writes the summary: on the output with -Preflight (and under -WhatIf the
    /// plan, one object per row); on the information stream when the preflight is only the cmdlet's default
    /// (then -WhatIf stays local and shows the usual What if lines). True when sending (or -WhatIf lines) may go on.
    /// </summary>
    private bool RunPreflight()
    {
        var quiet = !Preflight.IsPresent;
        var connection = (quiet && WhatIfOnly) || _spool!.Count == 0 ? null : Connection ?? ConnectionStore.Current;
        IReadOnlyList<Currency>? currencies = null;
        IReadOnlyList<AssetBalance>? balances = null;
        (int, int)? paidUnderAnotherBatch = null;
        if (connection is not null)
        {
            currencies = Currencies.Fetch(connection, () => Run((engine, token) => engine.CallAsync((client, t) => client.GetCurrenciesAsync(null, t), token)));
            balances = Run((engine, token) => engine.CallAsync((client, t) => client.GetBalancesAsync(t), token));
            if (WhatIfOnly && !quiet)
            {
                FindPaid();
                var engine = Engine;
                paidUnderAnotherBatch = (engine.CountPaidUnderAnotherBatch(_spool!.ReadAll(), BatchId is null ? null : ClientIds.PrefixOf(BatchId)), engine.TransfersListed);
            }
        }

        var summary = _preflight!.Finish(currencies, balances, RunJournal, _spool!, WhatIfOnly, paidUnderAnotherBatch);
        if (WhatIfOnly && !quiet)
        {
            foreach (var row in _spool!.ReadAll())
            {
                WriteObject(_preflight.PlanOf(row, RunJournal));
            }
        }

        if (quiet)
        {
            WriteInformation(summary, new[] { nameof(XRocketPayoutPreflight) });
            WriteVerbose(summary.ToString());
        }
        else
        {
            WriteObject(summary);
        }

        if (!summary.Passed)
        {
            WriteError(ErrorRecords.Input(ModuleErrorIds.PreflightFailed,
                "Preflight failed; nothing was sent: " + string.Join(" ", summary.Problems), summary, ErrorCategory.InvalidData));
            return false;
        }

        return quiet || !WhatIfOnly;
    }

    /// <summary>
    /// Under -WhatIf: what the batch already paid, asked the way re-runs verify taken rows (transfer list
    /// pages, no request per row), so the plan shows AlreadyPaid and the conflicts (issue 25).
    /// </summary>
    private void FindPaid()
    {
        var batch = new List<XRocketPayoutRow>(XRocketPayoutLimits.TransferListPage);
        void Ask()
        {
            foreach (var found in Run((engine, token) => engine.FindPaidAsync(batch, token)))
            {
                if (_preflight!.Found(found) is { } conflict)
                {
                    WriteError(ErrorRecords.From(conflict, ((PayoutRow)found.Row).ErrorTarget));
                }
            }

            batch.Clear();
        }

        foreach (var row in _spool!.ReadAll().Where(r => RunJournal?.IsPaid(r.ClientTransferId) != true))
        {
            batch.Add(row);
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
}
