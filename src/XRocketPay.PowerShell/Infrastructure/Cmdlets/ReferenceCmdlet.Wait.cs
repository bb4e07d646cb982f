using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// The one way to wait (Wait-XRocketWithdrawal, Wait-XRocketInvoice): every named or piped object is read
/// once per poll, off the pipeline thread (many in one list request where the API has one,
/// <see cref="FinalStateWait{T}.ReadMany"/>), and every Write* happens on the pipeline thread, with
/// progress. The reads keep within the API's per-route budget (<see cref="WaitBudget"/>); a 429 makes the
/// wait slower, never ends it. An object still not done at the timeout gets a WaitTimeout error whose
/// TargetObject is the object as last read.
/// </summary>
public abstract partial class ReferenceCmdlet
{
    /// <summary>
    /// The live API's limit: "20 requests/minute per endpoint" (SOURCES §2, December 2026 findings). Waits
    /// aim 10% below it, so a fixed one-minute window never counts more, unless the connection has its own
    /// throttle (Connect-XRocket -RequestsPerSecond), which then is the budget.
    /// </summary>
    internal const double LiveRequestsPerMinutePerRoute = 20;

    private const int WaitProgressId = 1;

    /// <summary>A 429 without Retry-After doubles the pause, up to this.</summary>
    private const int MaxBackoffSec = 60;

    /// <summary>The last read of a wait may end this long after the timeout (a read under way is not cut).</summary>
    private static readonly TimeSpan LastReadGrace = TimeSpan.FromSeconds(10);

    /// <summary>One budget per connection, so waits one after another share it as the API's counter does.</summary>
    private static readonly ConditionalWeakTable<XRocketClient, XRocketThrottle> s_waitBudgets = new();

    private readonly List<(XRocketRef Reference, string? Target)> _waitingFor = new();

    /// <summary>The per-route pace of every read a wait makes on this connection.</summary>
    internal static XRocketThrottle WaitBudget(XRocketClient client) =>
        s_waitBudgets.GetValue(client, c => c.Options.Throttle ?? new XRocketThrottle(LiveRequestsPerMinutePerRoute * 0.9 / 60));

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
        // The objects still waited for: each leaves this list when its wait is over.
        var waiting = _waitingFor.Select(w => new Waited<T>(w.Reference, w.Target)).ToList();
        var progress = new WaitProgress($"Waiting for {how.Noun.ToLowerInvariant()}s", waiting.Count);
        Progress(progress.Record($"0 of {progress.Of} final"));
        try
        {
            Try(null, () => PipelineMessagePump.Pumped(this, HttpTrace.DetailFor(this), async () =>
            {
                using var budget = XRocketThrottle.Use(WaitBudget(client));
                await PollAsync(how, client, waiting, PipelineMessagePump.Current!, progress, timeoutSec, pollIntervalSec).ConfigureAwait(false);
                return true;
            }));
        }
        finally
        {
            var completed = progress.Record($"{progress.Final} of {progress.Of} final");
            completed.RecordType = ProgressRecordType.Completed;
            Progress(completed);
        }
    }

    private async Task PollAsync<T>(FinalStateWait<T> how, XRocketClient client, List<Waited<T>> pending, PipelineMessagePump pump, WaitProgress progress, int timeoutSec, int pollIntervalSec)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(StopToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(timeoutSec) + LastReadGrace);
        var backoff = TimeSpan.Zero;
        while (true)
        {
            TimeSpan? slowDown = null;
            try
            {
                await ReadAllAsync(how, client, pending, deadline.Token).ConfigureAwait(false);
                await Task.WhenAll(pending.Where(w => w.Failure is null).Select(async w =>
                {
                    try
                    {
                        w.Done = await how.IsDone(client, w.Last!, deadline.Token).ConfigureAwait(false);
                    }
                    catch (XRocketException ex)
                    {
                        w.Failure = ex;
                    }
                })).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!StopToken.IsCancellationRequested)
            {
                // The last read outlived the timeout: what was read before it stands.
                pending.ForEach(w => w.Failure = null);
                TimedOut(how, pending, pump, timeoutSec);
                return;
            }

            foreach (var w in pending.ToList())
            {
                if (w.Failure is XRocketApiException { IsRateLimited: true } limited)
                {
                    // Only slower: the next poll reads it again (issue 29 item 4).
                    var asked = limited.RetryAfter ?? TimeSpan.Zero;
                    slowDown = slowDown is { } other && other > asked ? other : asked;
                    w.Failure = null;
                    continue;
                }

                if (w.Failure is { } failure)
                {
                    pending.Remove(w);
                    var gone = failure is XRocketException api ? how.Gone(w.Last, w.Target, api) : null;
                    var lastRead = w.Last;
                    var final = progress.OneMore();
                    pump.Post(_ =>
                    {
                        Progress(progress.Record($"{final} of {progress.Of} final; {how.Noun.ToLowerInvariant()} {w.Target} failed"));
                        if (gone is not null && lastRead is not null)
                        {
                            WriteObject(lastRead);
                        }

                        WriteError(gone ?? ErrorRecords.From(failure, w.Target));
                    });
                    continue;
                }

                if (w.Done)
                {
                    pending.Remove(w);
                    var current = w.Last!;
                    var final = progress.OneMore();
                    pump.Post(_ =>
                    {
                        Progress(progress.Record($"{final} of {progress.Of} final; {how.Noun.ToLowerInvariant()} {how.Id(current)} is {how.Status(current)}"));
                        WriteObject(current);
                        if (how.EndError(current) is { } error)
                        {
                            WriteError(error);
                        }
                    });
                }
            }

            if (pending.Count == 0)
            {
                return;
            }

            if (clock.Elapsed.TotalSeconds >= timeoutSec)
            {
                TimedOut(how, pending, pump, timeoutSec);
                return;
            }

            TimeSpan pause;
            if (slowDown is { } retryAfter)
            {
                // A 429: its Retry-After, else twice the last pause (the API gave no number to trust).
                backoff = TimeSpan.FromSeconds(Math.Min(MaxBackoffSec, Math.Max(pollIntervalSec, backoff.TotalSeconds) * 2));
                pause = retryAfter > backoff ? retryAfter : backoff;
            }
            else
            {
                backoff = TimeSpan.Zero;
                pause = TimeSpan.FromSeconds(pollIntervalSec);
            }

            var still = pending.Select(w => w.Last is { } last ? $"{how.Id(last)} is {how.Status(last)}" : $"{w.Target} not read yet").ToList();
            pump.Post(_ =>
            {
                Progress(progress.Record($"{progress.Final} of {progress.Of} final; {still.Count} still open"));
                WriteVerbose($"{how.Noun} {string.Join(", ", still)}; checking again in {pause.TotalSeconds:0.#} s" +
                    (slowDown is null ? "." : " (the API asked for fewer requests: 429)."));
            });

            // The last pause ends at the timeout, so a long interval never stretches the wait past it.
            var left = TimeSpan.FromSeconds(Math.Max(0, timeoutSec - clock.Elapsed.TotalSeconds));
            await Task.Delay(pause < left ? pause : left, StopToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One poll: the objects with a known server id in list requests of <see cref="FinalStateWait{T}.MaxPerRead"/>
    /// (where the resource has one), the others, and any a list left out, one by one. The per-route pace is the
    /// budget's (<see cref="WaitBudget"/>), set by the caller.
    /// </summary>
    private static async Task ReadAllAsync<T>(FinalStateWait<T> how, XRocketClient client, List<Waited<T>> pending, CancellationToken cancellationToken)
        where T : class
    {
        var alone = new List<Waited<T>>();
        if (how.ReadMany is { } readMany)
        {
            var byId = pending.Where(w => w.Id is not null).ToList();
            alone.AddRange(pending.Where(w => w.Id is null));
            var pages = byId.Select((w, i) => (w, i)).GroupBy(x => x.i / how.MaxPerRead, x => x.w).Select(g => g.ToList()).ToList();
            var leftOut = await Task.WhenAll(pages.Select(async page =>
            {
                try
                {
                    var read = (await readMany(client, page.Select(w => w.Id!).ToList(), cancellationToken).ConfigureAwait(false))
                        .GroupBy(how.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
                    page.ForEach(w => w.Take(read.TryGetValue(w.Id!, out var found) ? found : null, null, how));
                    return page.Where(w => !read.ContainsKey(w.Id!)).ToList();
                }
                catch (Exception ex) when (ex is XRocketException or ArgumentException)
                {
                    page.ForEach(w => w.Take(null, ex, how));
                    return new List<Waited<T>>();
                }
            })).ConfigureAwait(false);
            alone.AddRange(leftOut.SelectMany(p => p));
        }
        else
        {
            alone.AddRange(pending);
        }

        await Task.WhenAll(alone.Select(async w =>
        {
            try
            {
                w.Take(await how.Read(client, w.Reference, cancellationToken).ConfigureAwait(false), null, how);
            }
            catch (Exception ex) when (ex is XRocketException or ArgumentException)
            {
                w.Take(null, ex, how);
            }
        })).ConfigureAwait(false);
    }

    private void TimedOut<T>(FinalStateWait<T> how, List<Waited<T>> pending, PipelineMessagePump pump, int timeoutSec)
        where T : class
    {
        foreach (var w in pending)
        {
            var last = w.Last;
            var message = last is null
                ? $"{how.Noun} {w.Target} was not read within {timeoutSec} s."
                : $"{how.Noun} {how.Id(last)} is still {how.Status(last)} after {timeoutSec} s.";
            pump.Post(_ => WriteError(new ErrorRecord(new TimeoutException(message), ModuleErrorIds.WaitTimeout, ErrorCategory.OperationTimeout, (object?)last ?? w.Target)));
        }
    }

    /// <summary>One object waited for: how it was named, its last read, and this poll's outcome.</summary>
    private sealed class Waited<T>
        where T : class
    {
        internal Waited(XRocketRef reference, string? target)
        {
            Reference = reference;
            Target = target;
            Id = reference.Id;
        }

        internal XRocketRef Reference { get; }

        internal string? Target { get; }

        /// <summary>The server id, once known (given, or read): a list request can read it.</summary>
        internal string? Id { get; private set; }

        internal T? Last { get; private set; }

        internal Exception? Failure { get; set; }

        internal bool Done { get; set; }

        internal void Take(T? read, Exception? failure, FinalStateWait<T> how)
        {
            Failure = failure;
            Done = false;
            if (read is not null)
            {
                Last = read;
                Id = how.Id(read);
            }
        }
    }

    /// <summary>The wait's progress bar: how many objects are final, counted from any thread.</summary>
    private sealed class WaitProgress
    {
        private readonly string _activity;
        private int _final;

        internal WaitProgress(string activity, int of)
        {
            _activity = activity;
            Of = of;
        }

        internal int Of { get; }

        internal int Final => Volatile.Read(ref _final);

        internal int OneMore() => Interlocked.Increment(ref _final);

        internal ProgressRecord Record(string status) =>
            new(WaitProgressId, _activity, status) { PercentComplete = Of == 0 ? 100 : Final * 100 / Of };
    }
}
