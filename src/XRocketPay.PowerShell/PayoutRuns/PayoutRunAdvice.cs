namespace XRocketPay.PowerShell.PayoutRuns;

/// <summary>What a payout run says about re-running it: before the first payment, for Unknown rows, and when it stops.</summary>
internal static class PayoutRunAdvice
{
    /// <summary>Said once, before the first payment of several rows that nothing identifies: a re-run would pay them again (issue 25).</summary>
    internal const string UnsafeRerun = "These rows have no -BatchId, -Journal or ClientTransferId column: running this command again would pay them again. To make a re-run safe, stop now (Ctrl+C) and add -BatchId <name> (or -Journal <file>).";

    /// <summary>What a re-run must repeat to be safe: the journal, else the batch id, else each row's client id.</summary>
    internal static string Resume(string? journal, string? batchId) =>
        journal is not null ? $"-Journal {journal}" : batchId is not null ? $"-BatchId {batchId}" : "client ids (the ClientTransferId of each row's error record)";

    /// <summary>The end of a run that left rows Unknown.</summary>
    internal static string UnknownRows(int count, string resume) =>
        $"{count} row(s) are Unknown: they may have been paid. Run the same command again with the same {resume} to settle them; nothing is paid twice.";

    /// <summary>An Unknown row's one piece of advice, the module's: it names what to repeat (issue 30 item 2).</summary>
    internal static string UnknownRow(XRocketException error, string resume) =>
        $"{error.Reason} The outcome is unknown: it may have been paid. To settle it, run the same command again with the same {resume}: it is never paid twice.";

    /// <summary>A run stopped (Ctrl+C or an error) after sending: how many rows were sent, and how to go on safely.</summary>
    internal static string Stopped(string command, XRocketPayoutRun run, string resume, bool identified)
    {
        var unknown = run.UnknownCount == 0 ? "" : $" ({run.UnknownCount} more may have been: Unknown)";
        return $"{command} stopped after sending {run.SentCount} row(s){unknown}. "
            + (identified
                ? $"To go on, run the same command with the same {resume}: rows already paid are skipped, rows in doubt settled, nothing is paid twice."
                : "Running the same input again would pay those rows again: remove the rows already sent (the results show them), or use -BatchId or -Journal next time.");
    }
}
