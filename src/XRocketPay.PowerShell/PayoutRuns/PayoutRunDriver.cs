namespace XRocketPay.PowerShell.PayoutRuns;

/// <summary>
/// The module's side of a payout run, for <see cref="PayoutRunCmdlet"/>: hands the validated rows to the
/// core's <see cref="XRocketPayoutRun"/> (after the <see cref="PayoutPreflight"/>, when there is one), and
/// answers the engine's questions as its <see cref="IPayoutRunDriver"/> on the pipeline thread: ShouldProcess,
/// progress, output and error records, and what to say about re-running.
/// </summary>
internal sealed class PayoutRunDriver : IPayoutRunDriver, IDisposable
{
    // The rows handed to the engine and not yet answered, with what their output and error records carry.
    private readonly Dictionary<XRocketPayoutRow, PayoutRow> _inFlight = new();
    private readonly PayoutRunCmdlet _cmdlet;
    private readonly XRocketPayoutRun _engine;
    private readonly bool _writesFailedRows;
    private PayoutPreflight? _preflight;
    private PayoutRow? _held;
    private bool _warnedOfRerun, _moreThanOneRow, _allRowsCarryIds = true, _saidStopped;
    private int _rows;

    public PayoutRunDriver(PayoutRunCmdlet cmdlet, XRocketPayoutRun engine, bool preflight, bool writesFailedRows)
    {
        _cmdlet = cmdlet;
        _engine = engine;
        _writesFailedRows = writesFailedRows;
        _preflight = preflight ? new PayoutPreflight(cmdlet, engine, this) : null;
    }

    /// <summary>
    /// A row read (null: refused, its error already written). With a preflight it is only checked and held;
    /// else it goes to the engine, except the first piped row, which waits for the second so that the warning
    /// about re-runs can come before any payment.
    /// </summary>
    public void Take(PayoutRow? row, bool clientIdGiven, bool piped)
    {
        _allRowsCarryIds &= row is null || clientIdGiven;
        if (_preflight is not null)
        {
            _preflight.Add(row, clientIdGiven);
        }
        else if (row is not null && ++_rows == 1 && piped)
        {
            _held = row;
        }
        else if (row is not null)
        {
            _moreThanOneRow = _rows > 1;
            ReleaseHeld();
            Add(row);
        }
    }

    /// <summary>The end of the input: the preflight (which may stop the run), then the rows it held, then what the engine still holds.</summary>
    public void Finish()
    {
        if (_preflight is not null)
        {
            if (!_preflight.Check())
            {
                return;
            }

            _cmdlet.RunProgress.Total = _preflight.Count;
            _moreThanOneRow = _preflight.Count > 1;
            foreach (var row in _preflight.Rows)
            {
                Add(row);
            }
        }

        ReleaseHeld();
        _engine.Complete(this);
        if (_engine.UnknownCount > 0)
        {
            _cmdlet.WriteWarning(PayoutRunAdvice.UnknownRows(_engine.UnknownCount, _cmdlet.Resume));
        }
    }

    /// <summary>A run stopped (Ctrl+C or an error) after sending: said once, also when the pipeline no longer takes records.</summary>
    public void Stopped()
    {
        if (_saidStopped || !_engine.HasSent)
        {
            return;
        }

        _saidStopped = true;
        var identified = _cmdlet.BatchId is not null || _cmdlet.RunJournal is not null;
        var message = PayoutRunAdvice.Stopped(_cmdlet.MyInvocation.MyCommand.Name, _engine, _cmdlet.Resume, identified);
        try
        {
            _cmdlet.WriteWarning(message);
        }
        catch (Exception ex) when (ex is PipelineStoppedException or InvalidOperationException)
        {
            _cmdlet.Host.UI.WriteWarningLine(message);
        }
    }

    public void Dispose()
    {
        _preflight?.Dispose();
        _preflight = null;
    }

    /// <summary>Runs a step off the pipeline thread; the engine's connection is resolved first, here, where the session's is read.</summary>
    public T Run<T>(Func<CancellationToken, Task<T>> step)
    {
        _ = _engine.Client;
        return _cmdlet.RunStep(step);
    }

    public bool Confirm(IReadOnlyList<XRocketPayoutRow> rows)
    {
        if (!_cmdlet.ConfirmSend(rows) || _cmdlet.WhatIfOnly)
        {
            foreach (var row in rows)
            {
                _inFlight.Remove(row);
            }

            return false;
        }

        if (!_warnedOfRerun && _moreThanOneRow && _cmdlet.BatchId is null && _cmdlet.RunJournal is null && !_allRowsCarryIds)
        {
            _warnedOfRerun = true;
            _cmdlet.WriteWarning(PayoutRunAdvice.UnsafeRerun);
        }

        return true;
    }

    /// <summary>A row's result: progress, the result object, the error record (an Unknown row's says how to settle it).</summary>
    public void Result(XRocketPayoutResult result)
    {
        var row = _inFlight[result.Row];
        _inFlight.Remove(result.Row);
        _cmdlet.RunProgress.Done(result.Row, result.Outcome);
        if (result.Outcome != XRocketOutcome.Failed || _writesFailedRows)
        {
            _cmdlet.WriteObject(PayoutCmdlet.Result(result.Outcome, row, result.Transfer));
        }

        if (result.Error is { } error)
        {
            var record = ErrorRecords.From(error, row.ErrorTarget);
            if (result.Outcome == XRocketOutcome.Unknown)
            {
                record.ErrorDetails = new ErrorDetails(PayoutRunAdvice.UnknownRow(error, _cmdlet.Resume));
                record = ErrorRecords.WithTarget(record, record.TargetObject);
            }

            _cmdlet.WriteError(record);
        }
    }

    private void Add(PayoutRow row)
    {
        _inFlight[row.Payout] = row;
        _engine.Add(row.Payout, this);
    }

    private void ReleaseHeld()
    {
        if (_held is { } held)
        {
            _held = null;
            Add(held);
        }
    }
}
