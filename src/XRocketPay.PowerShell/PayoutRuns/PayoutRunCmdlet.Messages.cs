namespace XRocketPay.PowerShell.PayoutRuns;

/// <summary>What a payout run says about re-running it: before the first payment, and when it stops.</summary>
public abstract partial class PayoutRunCmdlet
{
    /// <summary>Once, before the first payment: a run of several rows that nothing identifies pays again when re-run (issue 25).</summary>
    private void WarnOfRerun()
    {
        if (_warnedOfRerun || !_moreThanOneRow || BatchId is not null || RunJournal is not null || _allRowsCarryIds)
        {
            return;
        }

        _warnedOfRerun = true;
        WriteWarning("These rows have no -BatchId, -Journal or ClientTransferId column: running this command again would pay them again. To make a re-run safe, stop now (Ctrl+C) and add -BatchId <name> (or -Journal <file>).");
    }

    /// <summary>What a re-run must repeat to be safe.</summary>
    private string Resume() => RunJournal is not null ? $"-Journal {Journal}" : BatchId is not null ? $"-BatchId {BatchId}" : "client ids (the ClientTransferId of each row's error record)";

    /// <summary>A run stopped (Ctrl+C or an error): how many rows were sent, and how to go on safely.</summary>
    private void Stopped()
    {
        if (_engine is null || _engine.SentCount + _engine.UnknownCount == 0)
        {
            return;
        }

        var unknown = _engine.UnknownCount == 0 ? "" : $" ({_engine.UnknownCount} more may have been: Unknown)";
        var message = $"{MyInvocation.MyCommand.Name} stopped after sending {_engine.SentCount} row(s){unknown}. "
            + (BatchId is not null || RunJournal is not null
                ? $"To go on, run the same command with the same {Resume()}: rows already paid are skipped, rows in doubt settled, nothing is paid twice."
                : "Running the same input again would pay those rows again: remove the rows already sent (the results show them), or use -BatchId or -Journal next time.");
        try
        {
            WriteWarning(message);
        }
        catch (PipelineStoppedException)
        {
            Host.UI.WriteWarningLine(message);
        }
        catch (InvalidOperationException)
        {
            Host.UI.WriteWarningLine(message);
        }

        _engine = null;
    }
}
