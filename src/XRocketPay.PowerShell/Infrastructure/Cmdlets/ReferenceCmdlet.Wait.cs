using System.Diagnostics;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// The one way to wait (Wait-XRocketWithdrawal, Wait-XRocketInvoice): every named or piped object is
/// polled concurrently off the pipeline thread, each through the connection's client (so its throttle
/// and the retry of 429s apply), and every Write* happens on the pipeline thread, with progress. An object
/// still not done at the timeout gets a WaitTimeout error whose TargetObject is the object as last read.
/// </summary>
public abstract partial class ReferenceCmdlet
{
    private const int WaitProgressId = 1;
    private readonly List<(XRocketRef Reference, string? Target)> _waitingFor = new();
    private int _finalCount;

    /// <summary>ProcessRecord of a wait: a blank id is this row's error, the other objects are still waited for.</summary>
    private protected void AddToWait()
    {
        if (ReadReference() is { } reference)
        {
            _waitingFor.Add((reference, ReferenceTarget));
        }
    }

    /// <summary>EndProcessing of a wait: writes each object once its wait is over, as soon as it is.</summary>
    private protected void WaitForAll<T>(FinalStateWait<T> how, int timeoutSec, int pollIntervalSec)
        where T : class
    {
        if (_waitingFor.Count == 0)
        {
            return;
        }

        var client = ActiveConnection.Client;
        var waiting = _waitingFor.ToArray();
        var activity = $"Waiting for {how.Noun.ToLowerInvariant()}s";
        Progress(WaitRecord(activity, $"0 of {waiting.Length} final", 0, waiting.Length));
        try
        {
            Try(null, () => PipelineMessagePump.Pumped(this, HttpTrace.DetailFor(this), async () =>
            {
                var pump = PipelineMessagePump.Current!;
                await Task.WhenAll(waiting.Select(w => WaitOneAsync(how, client, w.Reference, w.Target, pump, activity, waiting.Length, timeoutSec, pollIntervalSec))).ConfigureAwait(false);
                return true;
            }));
        }
        finally
        {
            var completed = WaitRecord(activity, $"{_finalCount} of {waiting.Length} final", _finalCount, waiting.Length);
            completed.RecordType = ProgressRecordType.Completed;
            Progress(completed);
        }
    }

    private async Task WaitOneAsync<T>(FinalStateWait<T> how, XRocketClient client, XRocketRef reference, string? target, PipelineMessagePump pump,
        string activity, int of, int timeoutSec, int pollIntervalSec)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        T? last = null;
        try
        {
            while (true)
            {
                T current;
                try
                {
                    current = await how.Read(client, reference, StopToken).ConfigureAwait(false);
                }
                catch (XRocketException ex) when (last is not null && how.Gone(last, ex) is { } gone)
                {
                    var gonePosition = Interlocked.Increment(ref _finalCount);
                    var lastRead = last;
                    pump.Post(_ =>
                    {
                        Progress(WaitRecord(activity, $"{gonePosition} of {of} final; {how.Noun.ToLowerInvariant()} {how.Id(lastRead)} is gone", gonePosition, of));
                        WriteObject(lastRead);
                        WriteError(gone);
                    });
                    return;
                }

                last = current;
                var described = $"{how.Noun.ToLowerInvariant()} {how.Id(current)} is {how.Status(current)}";
                if (await how.IsDone(client, current, StopToken).ConfigureAwait(false))
                {
                    var done = Interlocked.Increment(ref _finalCount);
                    pump.Post(_ =>
                    {
                        Progress(WaitRecord(activity, $"{done} of {of} final; {described}", done, of));
                        WriteObject(current);
                        if (how.EndError(current) is { } error)
                        {
                            WriteError(error);
                        }
                    });
                    return;
                }

                if (clock.Elapsed.TotalSeconds >= timeoutSec)
                {
                    Interlocked.Increment(ref _finalCount);
                    pump.Post(_ => WriteError(new ErrorRecord(new TimeoutException($"{how.Noun} {how.Id(current)} is still {how.Status(current)} after {timeoutSec} s."),
                        ModuleErrorIds.WaitTimeout, ErrorCategory.OperationTimeout, current)));
                    return;
                }

                pump.Post(_ =>
                {
                    var done = Volatile.Read(ref _finalCount);
                    Progress(WaitRecord(activity, $"{done} of {of} final; {described}", done, of));
                    WriteVerbose($"{how.Noun} {how.Id(current)} is {how.Status(current)}; checking again in {pollIntervalSec} s.");
                });
                // The last pause ends at the timeout, so a long interval never stretches the wait past it.
                var pause = Math.Min(pollIntervalSec, Math.Max(0, timeoutSec - clock.Elapsed.TotalSeconds));
                await Task.Delay(TimeSpan.FromSeconds(pause), StopToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is XRocketException or ArgumentException || (ex is OperationCanceledException && !StopToken.IsCancellationRequested))
        {
            Interlocked.Increment(ref _finalCount);
            pump.Post(_ => WriteError(ErrorRecords.From(ex, target)));
        }
    }

    private static ProgressRecord WaitRecord(string activity, string status, int done, int of) =>
        new(WaitProgressId, activity, status) { PercentComplete = of == 0 ? 100 : done * 100 / of };
}
