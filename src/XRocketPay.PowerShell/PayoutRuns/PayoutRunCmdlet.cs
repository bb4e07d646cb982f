using System.IO;

namespace XRocketPay.PowerShell.PayoutRuns;

/// <summary>
/// The cmdlet side of a payout run: binding and the row rules of <see cref="PayoutCmdlet"/>, -Journal,
/// -Preflight and -RequestsPerSecond. The core's <see cref="XRocketPayoutRun"/> drives the run (admit, queue,
/// send, settle, verify, journal, outcomes); <see cref="PayoutRunDriver"/> hands it this cmdlet's rows and
/// answers its questions on the pipeline thread (ShouldProcess, progress, output, error records).
/// </summary>
public abstract class PayoutRunCmdlet : PayoutCmdlet, IDisposable
{
    private PayoutRunDriver? _driver;

    /// <summary>An append-only JSON-lines journal of this run: re-run with the same input and journal to resume.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Journal { get; set; }

    /// <summary>Checks every row (and the totals against the balance) before the first payment.</summary>
    [Parameter]
    public SwitchParameter Preflight { get; set; }

    /// <summary>A client-side limit for this run's requests, per route (overrides Connect-XRocket -RequestsPerSecond).</summary>
    [Parameter]
    [ValidateRange(0.01, 1000.0)]
    public double RequestsPerSecond { get; set; }

    /// <summary>Whether this call checks everything before sending.</summary>
    protected virtual bool PreflightOn => Preflight.IsPresent;

    internal PayoutJournal? RunJournal { get; private set; }

    internal PayoutRunProgress RunProgress { get; private set; } = null!;

    /// <summary>One-by-one or mass.</summary>
    private protected abstract XRocketPayoutMode Mode { get; }

    /// <summary>Rows per mass request.</summary>
    private protected virtual int Chunk => XRocketPayoutLimits.MassTransferRows;

    /// <summary>Whether a Failed row also gets a result object (the mass cmdlet reports every row).</summary>
    private protected virtual bool WritesFailedRows => false;

    /// <summary>Throttle waits (this run's or the connection's) are posted to the progress bar from the core's thread.</summary>
    private protected override bool PostsMessages => true;

    /// <summary>-WhatIf given, or $WhatIfPreference set and not overridden: nothing is written, not even the journal.</summary>
    internal bool WhatIfOnly => MyInvocation.BoundParameters.TryGetValue("WhatIf", out var w)
        ? w is SwitchParameter { IsPresent: true }
        : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

    /// <summary>What a re-run must repeat to be safe.</summary>
    internal string Resume => PayoutRunAdvice.Resume(RunJournal is null ? null : Journal, BatchId);

    protected sealed override void BeginProcessing()
    {
        RunProgress = new PayoutRunProgress(this, MyInvocation.MyCommand.Name);
        var throttle = MyInvocation.BoundParameters.ContainsKey(nameof(RequestsPerSecond)) ? new XRocketThrottle(RequestsPerSecond) { Waiting = PayoutRunProgress.ReportThrottle } : null;
        if (Journal is not null)
        {
            OpenJournal();
        }

        // The connection is asked for when the first request is due (on this thread): -WhatIf needs none.
        var engine = new XRocketPayoutRun(() => ActiveConnection.Client, Mode, WhatIfOnly ? null : RunJournal, throttle, Chunk);
        _driver = new PayoutRunDriver(this, engine, PreflightOn, WritesFailedRows);
    }

    protected sealed override void ProcessRecord()
    {
        try
        {
            var clientIdGiven = !string.IsNullOrWhiteSpace(ClientTransferId);
            _driver!.Take(ReadRow(), clientIdGiven, MyInvocation.ExpectingInput);
        }
        catch
        {
            _driver?.Stopped();
            throw;
        }
    }

    protected sealed override void EndProcessing()
    {
        var finished = false;
        try
        {
            _driver!.Finish();
            finished = true;
        }
        finally
        {
            if (!finished)
            {
                _driver?.Stopped();
            }

            RunProgress?.Complete();
            Close();
        }
    }

    protected override void StopProcessing()
    {
        base.StopProcessing();
        RunProgress?.Stopping();
    }

    /// <summary>Runs a step of the engine off the pipeline thread; the connection is resolved first, here, where the session's is read.</summary>
    /// <summary>Runs a step of the run off the pipeline thread, Ctrl+C cancelling it; its trace and progress are written here.</summary>
    internal T RunStep<T>(Func<CancellationToken, Task<T>> step)
    {
        try
        {
            return Call((_, token) => step(token));
        }
        catch (PayoutJournalException ex)
        {
            // A line not written (a full disk): the run stops, in the module's words.
            ThrowTerminatingError(ErrorRecords.From(ex, Journal));
            throw;
        }
    }

    /// <summary>Asks ShouldProcess for rows about to be sent (one-by-one: one row; mass: a chunk).</summary>
    internal abstract bool ConfirmSend(IReadOnlyList<XRocketPayoutRow> rows);

    private void OpenJournal()
    {
        try
        {
            RunJournal = PayoutJournal.Open(SessionState.Path.GetUnresolvedProviderPathFromPSPath(Journal), BatchId, forWriting: !WhatIfOnly);
        }
        catch (PayoutJournalException ex)
        {
            ThrowTerminatingError(ErrorRecords.From(ex, Journal));
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            ThrowTerminatingError(new ErrorRecord(ex, ModuleErrorIds.JournalUnusable, ErrorCategory.InvalidArgument, Journal));
        }

        if (WhatIfOnly && BatchId is null && RunJournal!.PreviousRuns == 0)
        {
            WriteWarning($"The journal {Journal} does not exist yet, and -WhatIf does not create it: the client ids shown are not the ones a real run will use. Pass -BatchId to fix them.");
        }

        // Client ids must be the same on a resume: with no -BatchId, the journal's own batch id.
        BatchId = RunJournal!.BatchId;
        if (RunJournal.PaidCount + RunJournal.PendingCount > 0)
        {
            WriteVerbose($"Journal {RunJournal.Path}: {RunJournal.PaidCount} row(s) paid, {RunJournal.PendingCount} to settle; batch id {RunJournal.BatchId}.");
        }

        if (!WhatIfOnly)
        {
            RunJournal.Start(MyInvocation.MyCommand.Name);
        }
    }

    /// <summary>The pipeline disposes its cmdlets also when it was stopped between two rows: say what was sent, close the journal and spool.</summary>
    void IDisposable.Dispose()
    {
        if (StopToken.IsCancellationRequested)
        {
            _driver?.Stopped();
        }

        Close();
        Dispose();
    }

    private void Close()
    {
        RunJournal?.Dispose();
        _driver?.Dispose();
    }
}
