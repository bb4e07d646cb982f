using System.IO;

namespace XRocketPay.PowerShell.PayoutRuns;

/// <summary>
/// The cmdlet side of a payout run: binding and the row rules of <see cref="PayoutCmdlet"/>, -Journal,
/// -Preflight (rows spooled, checked, then sent), -RequestsPerSecond, ShouldProcess, progress and output, all
/// on the pipeline thread. The run itself (admit, send, settle, verify, journal, outcomes) is the core's
/// <see cref="XRocketPayoutRun"/>.
/// </summary>
public abstract partial class PayoutRunCmdlet : PayoutCmdlet, IDisposable
{
    private XRocketThrottle? _throttle;
    private XRocketPayoutRun? _engine;
    private XRocketPayoutQueue _queue = null!;
    private PayoutRunSpool? _spool;
    private PayoutPreflight? _preflight;
    private PayoutRow? _held;
    private bool _warnedOfRerun, _moreThanOneRow, _allRowsCarryIds = true;
    private int _rows;

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

    /// <summary>The engine of this run, made with the connection when the first request is due.</summary>
    internal XRocketPayoutRun Engine => _engine ??= new XRocketPayoutRun(ActiveConnection.Client, Mode, WhatIfOnly ? null : RunJournal, _throttle);

    /// <summary>Throttle waits (this run's or the connection's) are posted to the progress bar from the core's thread.</summary>
    private protected override bool PostsMessages => true;

    /// <summary>-WhatIf given, or $WhatIfPreference set and not overridden: nothing is written, not even the journal.</summary>
    protected bool WhatIfOnly => MyInvocation.BoundParameters.TryGetValue("WhatIf", out var w)
        ? w is SwitchParameter { IsPresent: true }
        : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

    protected sealed override void BeginProcessing()
    {
        RunProgress = new PayoutRunProgress(this, MyInvocation.MyCommand.Name);
        _queue = new XRocketPayoutQueue(Mode, Chunk);
        if (MyInvocation.BoundParameters.ContainsKey(nameof(RequestsPerSecond)))
        {
            _throttle = new XRocketThrottle(RequestsPerSecond) { Waiting = PayoutRunProgress.ReportThrottle };
        }

        if (Journal is not null)
        {
            OpenJournal();
        }

        if (PreflightOn)
        {
            _spool = new PayoutRunSpool();
            _preflight = new PayoutPreflight();
        }
    }

    protected sealed override void ProcessRecord()
    {
        try
        {
            var ownId = !string.IsNullOrWhiteSpace(ClientTransferId);
            var row = ReadRow();
            if (_spool is not null)
            {
                _preflight!.Add(row, ownId, RowIds, RunJournal);
                if (row is not null)
                {
                    _allRowsCarryIds &= ownId;
                    _spool.Add(row);
                }

                return;
            }

            if (row is null)
            {
                return;
            }

            _allRowsCarryIds &= ownId;
            if (++_rows == 1 && MyInvocation.ExpectingInput)
            {
                // The first piped row waits for the second, so the warning about re-runs can come before any payment.
                _held = row;
                return;
            }

            _moreThanOneRow = _rows > 1;
            ReleaseHeld();
            Admit(row);
        }
        catch
        {
            Stopped();
            throw;
        }
    }

    protected sealed override void EndProcessing()
    {
        var finished = false;
        try
        {
            if (_spool is not null)
            {
                if (!RunPreflight())
                {
                    finished = true;
                    return;
                }

                RunProgress.Total = _spool.Count;
                _moreThanOneRow = _spool.Count > 1;
                foreach (var row in _spool.ReadAll())
                {
                    Admit(row);
                }
            }

            ReleaseHeld();
            foreach (var chunk in _queue.Remaining())
            {
                Send(chunk);
            }

            if (_engine is not null)
            {
                WriteResults(Run((engine, token) => engine.FinishAsync(token)));
                if (_engine.UnknownCount > 0)
                {
                    WriteWarning($"{_engine.UnknownCount} row(s) are Unknown: they may have been paid. Run the same command again with the same {Resume()} to settle them; nothing is paid twice.");
                }
            }

            finished = true;
        }
        finally
        {
            if (!finished)
            {
                Stopped();
            }

            Cleanup();
        }
    }

    protected override void StopProcessing()
    {
        base.StopProcessing();
        RunProgress?.Stopping();
    }

    /// <summary>Runs a step of the engine off the pipeline thread (the engine is made here, on it: the session's connection is read there).</summary>
    private T Run<T>(Func<XRocketPayoutRun, CancellationToken, Task<T>> step)
    {
        var engine = Engine;
        try
        {
            return Call((_, token) => step(engine, token));
        }
        catch (PayoutJournalException ex)
        {
            // A line not written (a full disk): the run stops, in the module's words.
            ThrowTerminatingError(ErrorRecords.From(ex, Journal));
            throw;
        }
    }

    /// <summary>Asks ShouldProcess for rows about to be sent (one-by-one: one row; mass: a chunk).</summary>
    private protected abstract bool Confirm(IReadOnlyList<XRocketPayoutRow> rows);

    /// <summary>The run's results, written on the pipeline thread: progress, result objects, error records.</summary>
    private void WriteResults(IReadOnlyList<XRocketPayoutResult> results)
    {
        foreach (var result in results)
        {
            var row = (PayoutRow)result.Row;
            RunProgress.Done(row, result.Outcome);
            if (result.Outcome != XRocketOutcome.Failed || WritesFailedRows)
            {
                WriteObject(Result(result.Outcome, row, result.Transfer));
            }

            if (result.Error is { } error)
            {
                var record = ErrorRecords.From(error, row.ErrorTarget);
                if (result.Outcome == XRocketOutcome.Unknown)
                {
                    // One piece of advice, the module's (it names what to repeat), and the row named like every row error (issue 30 item 2).
                    record.ErrorDetails = new ErrorDetails($"{error.Reason} The outcome is unknown: it may have been paid. To settle it, run the same command again with the same {Resume()}: it is never paid twice.");
                    record = ErrorRecords.WithTarget(record, record.TargetObject);
                }

                WriteError(record);
            }
        }
    }

    private void Admit(PayoutRow row)
    {
        if (!WhatIfOnly && Engine.Admit(row) is { } known)
        {
            // The journal knows: no request.
            WriteResults(new[] { known });
        }
        else if (_queue.Add(row) is { } ready)
        {
            Send(ready);
        }
    }

    private void Send(IReadOnlyList<XRocketPayoutRow> rows)
    {
        if (!Confirm(rows) || WhatIfOnly)
        {
            return;
        }

        WarnOfRerun();
        WriteResults(Run((engine, token) => engine.SendAsync(rows, token)));
    }

    private void ReleaseHeld()
    {
        if (_held is { } held)
        {
            _held = null;
            Admit(held);
        }
    }

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
            Stopped();
        }

        RunJournal?.Dispose();
        _spool?.Dispose();
        _spool = null;
        Dispose();
    }

    private void Cleanup()
    {
        RunProgress?.Complete();
        RunJournal?.Dispose();
        _spool?.Dispose();
        _spool = null;
    }
}
