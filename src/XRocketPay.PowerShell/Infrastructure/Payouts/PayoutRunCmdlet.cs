using System.IO;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// A payout run: the row reading of <see cref="PayoutCmdlet"/>, plus an optional preflight (rows spooled to a
/// temporary file, checked, then sent), a client-side throttle (-RequestsPerSecond), a journal (-Journal) that
/// makes a killed run resumable without paying twice, and progress. Nothing per row is kept in memory but
/// compact id sets; the mass cmdlet's chunks are the only row buffer.
/// </summary>
public abstract partial class PayoutRunCmdlet : PayoutCmdlet, IDisposable
{
    private XRocketThrottle? _throttle;
    private PayoutRunSpool? _spool;
    private PayoutPreflight? _preflight;

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

    /// <summary>Throttle waits (this run's or the connection's) are posted to the progress bar from the core's thread.</summary>
    private protected override bool PostsMessages => true;

    /// <summary>-WhatIf given, or $WhatIfPreference set and not overridden: nothing is written, not even the journal.</summary>
    protected bool WhatIfOnly => MyInvocation.BoundParameters.TryGetValue("WhatIf", out var w)
        ? w is SwitchParameter { IsPresent: true }
        : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

    protected sealed override void BeginProcessing()
    {
        RunProgress = new PayoutRunProgress(this, MyInvocation.MyCommand.Name);
        if (MyInvocation.BoundParameters.ContainsKey(nameof(RequestsPerSecond)))
        {
            _throttle = new XRocketThrottle(RequestsPerSecond) { Waiting = PayoutRunProgress.ReportThrottle };
        }

        if (Journal is not null)
        {
            try
            {
                RunJournal = PayoutJournal.Open(SessionState.Path.GetUnresolvedProviderPathFromPSPath(Journal), BatchId, forWriting: !WhatIfOnly);
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
                WriteVerbose($"Journal {RunJournal.Path}: {RunJournal.PaidCount} row(s) paid, {RunJournal.PendingCount} to reconcile; batch id {RunJournal.BatchId}.");
            }

            if (!WhatIfOnly)
            {
                RunJournal.Start(MyInvocation.MyCommand.Name);
            }
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
            var row = ReadRow();
            if (_spool is not null)
            {
                _preflight!.Add(row, !string.IsNullOrWhiteSpace(ClientTransferId), RowIds, RunJournal);
                if (row is not null)
                {
                    _spool.Add(row);
                }

                return;
            }

            if (row is not null)
            {
                Admit(row);
            }
        }
        catch
        {
            Cleanup();
            throw;
        }
    }

    protected sealed override void EndProcessing()
    {
        try
        {
            if (_spool is not null)
            {
                if (!RunPreflight())
                {
                    return;
                }

                RunProgress.Total = _spool.Count;
                foreach (var row in _spool.ReadAll())
                {
                    Admit(row);
                }
            }

            FinishRows();
        }
        finally
        {
            Cleanup();
        }
    }

    protected override void StopProcessing()
    {
        base.StopProcessing();
        RunProgress?.Stopping();
    }

    /// <summary>Pays one row that the journal does not know as paid (single: now; mass: into its chunk).</summary>
    internal abstract void Pay(PayoutRow row);

    /// <summary>Sends what is still buffered (mass chunks) at the end of the input.</summary>
    protected virtual void FinishRows()
    {
    }

    /// <summary>A core call under this run's throttle (when -RequestsPerSecond is given).</summary>
    protected new T Call<T>(Func<XRocketClient, CancellationToken, Task<T>> call) =>
        _throttle is null ? base.Call(call) : base.Call(async (client, token) =>
        {
            using (XRocketThrottle.Use(_throttle))
            {
                return await call(client, token).ConfigureAwait(false);
            }
        });

    /// <summary>Writes intent lines (flushed to disk) before the request that sends these rows.</summary>
    internal void JournalIntents(IEnumerable<PayoutRow> rows) =>
        RunJournal?.Intents(rows.Select(r => PayoutRunSpool.LineOf(r)));

    /// <summary>Writes one row's outcome (journal and progress) and its result object.</summary>
    internal void Settle(PayoutRow row, XRocketOutcome outcome, Transfer? transfer, Exception? error, bool writeResult = true)
    {
        RunJournal?.Outcomes(new[]
        {
            new PayoutJournalLine
            {
                ClientTransferId = row.ClientTransferId, Status = outcome.ToString(), TransferId = transfer?.TransferId,
                Error = error is null ? null : ErrorRecords.From(error, null).FullyQualifiedErrorId,
            },
        });
        RunProgress.Done(row, outcome);
        if (writeResult)
        {
            WriteObject(Result(outcome, row, transfer));
        }
    }

    private void Admit(PayoutRow row)
    {
        if (RunJournal is { } journal && !WhatIfOnly)
        {
            if (journal.IsPaid(row.ClientTransferId))
            {
                // The journal knows: no request.
                RunProgress.Done(row, XRocketOutcome.AlreadyDone);
                WriteObject(Result(XRocketOutcome.AlreadyDone, row, null));
                return;
            }

            if (journal.IsPending(row.ClientTransferId) && !Reconciled(row))
            {
                return;
            }
        }

        Pay(row);
    }

    /// <summary>
    /// A row with an intent and no outcome: looked up by client id. True when it was not paid (send it);
    /// false when it was (written AlreadyDone), differs (Failed, a conflict) or the look-up failed (Unknown).
    /// </summary>
    private bool Reconciled(PayoutRow row)
    {
        Transfer existing;
        try
        {
            existing = Call((client, token) => client.GetTransferAsync(XRocketRef.ByClientId(row.ClientTransferId), token));
        }
        catch (XRocketApiException ex) when (ex.IsNotFound)
        {
            return true;
        }
        catch (XRocketException ex)
        {
            Settle(row, XRocketOutcome.Unknown, null, ex);
            WriteFailure(ex, row.Target);
            return false;
        }

        var differences = new List<string>();
        if (existing.Target is { } target && target != row.TelegramUserId) differences.Add("target");
        if (existing.Asset is { } asset && !asset.Equals(row.Asset, StringComparison.OrdinalIgnoreCase)) differences.Add("asset");
        if (XRocketMoney.Normalize(existing.Amount) != XRocketMoney.Normalize(row.Amount)) differences.Add("amount");
        if (differences.Count > 0)
        {
            var conflict = new XRocketConflictException(row.ClientTransferId, differences, existing);
            Settle(row, XRocketOutcome.Failed, existing, conflict);
            WriteFailure(conflict, row.Target);
            return false;
        }

        Settle(row, XRocketOutcome.AlreadyDone, existing, null);
        return false;
    }

    /// <summary>The pipeline disposes its cmdlets also when it was stopped between two rows: close the journal and spool.</summary>
    void IDisposable.Dispose()
    {
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
