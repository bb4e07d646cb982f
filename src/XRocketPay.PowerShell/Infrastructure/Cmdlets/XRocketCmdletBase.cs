namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// What every cmdlet that talks to the API shares: Ctrl+C cancelling in-flight HTTP, core calls run off
/// the pipeline thread with their trace lines written on it, list streaming with -First/-Skip, and
/// exceptions turned into error records with stable ids.
/// </summary>
public abstract class XRocketCmdletBase : PSCmdlet, IDisposable
{
    private static long s_progressSources = 0x5852_0000;
    private readonly CancellationTokenSource _stopping = new();
    private long _progressSource;

    protected CancellationToken StopToken => _stopping.Token;

    /// <summary>The connection, resolved only when a request is about to be sent (so -WhatIf needs none).</summary>
    protected abstract XRocketConnection ActiveConnection { get; }

    protected override void StopProcessing() => _stopping.Cancel();

    public void Dispose()
    {
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    private XRocketTraceDetail? _traceDetail;

    /// <summary>True when the core work of this cmdlet posts messages of its own (progress), so every call needs a pump.</summary>
    private protected virtual bool PostsMessages => false;

    /// <summary>Runs one core call; verbose/debug lines of its HTTP attempts are written here, when wanted.</summary>
    protected T Call<T>(Func<XRocketClient, CancellationToken, Task<T>> call)
    {
        var client = ActiveConnection.Client;
        _traceDetail ??= HttpTrace.DetailFor(this);
        return PostsMessages
            ? PipelineMessagePump.Pumped(this, _traceDetail.Value, () => call(client, StopToken))
            : PipelineMessagePump.Run(this, _traceDetail.Value, () => call(client, StopToken));
    }

    protected void Call(Func<XRocketClient, CancellationToken, Task> call) =>
        Call<bool>(async (client, token) =>
        {
            await call(client, token).ConfigureAwait(false);
            return true;
        });

    /// <summary>
    /// Writes a list page by page (nothing buffered), honouring -First, -Skip and -IncludeTotalCount. A list
    /// that spans several pages shows progress from its second page on, completed however the listing ends.
    /// </summary>
    protected void WriteList<T>(Func<XRocketClient, string?, CancellationToken, Task<XRocketPage<T>>> fetchPage)
    {
        var activity = $"{MyInvocation.MyCommand.Name}: reading a list";
        int pages = 0, total = -1;
        ulong read = 0;
        var shown = false;
        var items = XRocketPaging.Items(
            cursor =>
            {
                pages++;
                if (pages > 1)
                {
                    Progress(new ProgressRecord(1, activity, $"page {pages}, {read} item(s) so far" + (total >= 0 ? $" of {total}" : ""))
                    {
                        PercentComplete = total > 0 ? (int)Math.Min(99, read * 100 / (ulong)total) : -1,
                    });
                    shown = true;
                }

                var page = Call((client, token) => fetchPage(client, cursor, token));
                read += (ulong)page.Items.Count;
                return page;
            },
            PagingParameters?.Skip ?? 0,
            PagingParameters?.First ?? ulong.MaxValue,
            page =>
            {
                total = page.Pagination?.Total ?? -1;
                if (PagingParameters?.IncludeTotalCount == true)
                {
                    var count = page.Pagination?.Total;
                    WriteObject(PagingParameters.NewTotalCount(count is { } t ? (ulong)t : 0, count is null ? 0.0 : 1.0));
                }
            });
        try
        {
            foreach (var item in items)
            {
                WriteObject(item);
            }
        }
        finally
        {
            if (shown)
            {
                Progress(new ProgressRecord(1, activity, $"{pages} page(s), {read} item(s)") { PercentComplete = 100, RecordType = ProgressRecordType.Completed });
            }
        }
    }

    /// <summary>
    /// Writes progress under this cmdlet's own source id. A Completed record is written even while the
    /// pipeline stops (Ctrl+C), so no bar is left behind; only then does the engine's stop surface.
    /// </summary>
    protected void Progress(ProgressRecord progress)
    {
        if (_progressSource == 0)
        {
            _progressSource = Interlocked.Increment(ref s_progressSources);
        }

        try
        {
            CommandRuntime.WriteProgress(_progressSource, progress);
        }
        catch (PipelineStoppedException) when (progress.RecordType == ProgressRecordType.Completed)
        {
            // Stopping: the engine refuses writes, the host still takes the record that clears the bar.
            Host.UI.WriteProgress(_progressSource, progress);
        }
    }

    /// <summary>
    /// ShouldProcess for every state change: true to go on. When it would have to ask and the host cannot
    /// (<see cref="Confirmation"/>), a terminating error says what would have been done and how to run
    /// unattended; nothing is sent, and no later row is asked either.
    /// </summary>
    protected bool Confirmed(string target, string action)
    {
        if (Confirmation.WouldAsk(this) && Confirmation.WhyHostCannotAsk(Host) is { } why)
        {
            ThrowTerminatingError(Confirmation.Unavailable(MyInvocation.MyCommand.Name, target, action, why));
        }

        try
        {
            return ShouldProcess(target, action);
        }
        catch (PSInvalidOperationException ex)
        {
            // A host that turned out unable to ask (another host run non-interactively).
            ThrowTerminatingError(Confirmation.Unavailable(MyInvocation.MyCommand.Name, target, action, ex.Message.TrimEnd('.')));
            return false;
        }
    }

    /// <summary>Writes a failed call as a non-terminating error about <paramref name="target"/>; the pipeline goes on.</summary>
    protected void WriteFailure(Exception exception, object? target)
    {
        if (exception is OperationCanceledException && StopToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }

        WriteError(ErrorRecords.From(exception, target));
    }

    /// <summary>Runs <paramref name="action"/> and reports a core failure as an error record about <paramref name="target"/>.</summary>
    protected void Try(object? target, Action action) => TryWithLazyTarget(() => target, action);

    /// <summary>As <see cref="Try(object, Action)"/>, with a target made only if the action fails (a row copy).</summary>
    protected void TryWithLazyTarget(Func<object?> target, Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (ex is XRocketException or OperationCanceledException or ArgumentException or FormatException)
        {
            WriteFailure(ex, target());
        }
    }

    /// <summary>The bound parameters as an object: the TargetObject of errors of single-object commands.</summary>
    protected PSObject BoundTarget()
    {
        var target = new PSObject();
        foreach (var pair in MyInvocation.BoundParameters)
        {
            if (pair.Value is not System.Security.SecureString && pair.Key != "Connection")
            {
                target.Properties.Add(new PSNoteProperty(pair.Key, pair.Value is XRocketAmount a ? a.Raw : pair.Value));
            }
        }

        return target;
    }

    /// <summary>
    /// The opening of a create: its client id from <see cref="ClientIds"/> (the caller's, else a new one),
    /// asked before anything is checked or confirmed, and the bound target carrying it as
    /// <c>Resolved&lt;parameter&gt;</c>, so every error record of the call names the id it would have carried.
    /// </summary>
    protected (string ClientId, PSObject Target) CreateTarget(string? givenClientId, string clientIdParameter)
    {
        var clientId = ClientIds.Resolve(givenClientId);
        var target = BoundTarget();
        target.Properties.Add(new PSNoteProperty("Resolved" + clientIdParameter, clientId));
        return (clientId, target);
    }

    /// <summary>
    /// Runs a create and writes the object it returns; a repeat of earlier work (same client id, same data)
    /// is said in a warning. A failure (Failed or Unknown, with how to reconcile) is an error about <paramref name="target"/>.
    /// </summary>
    protected void WriteCreated<T>(object target, string what, string clientId, string nothingAgain, Func<XRocketClient, CancellationToken, Task<XRocketCreateResult<T>>> create) =>
        Try(target, () =>
        {
            var created = Call(create);
            if (created.Outcome == XRocketOutcome.AlreadyDone)
            {
                WriteWarning($"{what} with client id '{clientId}' already existed with the same data; returning it{nothingAgain}.");
            }

            foreach (var warning in created.Warnings)
            {
                WriteWarning(warning);
            }

            WriteObject(created.Value);
        });
}
