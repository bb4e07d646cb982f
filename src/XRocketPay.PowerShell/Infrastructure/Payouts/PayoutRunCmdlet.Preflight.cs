namespace XRocketPay.PowerShell.Infrastructure;

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
        if (connection is not null)
        {
            currencies = Currencies.Fetch(connection, () => Call((client, token) => client.GetCurrenciesAsync(null, token)));
            balances = Call((client, token) => client.GetBalancesAsync(token));
        }

        var summary = _preflight!.Finish(currencies, balances, RunJournal, _spool!, WhatIfOnly);
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
}
