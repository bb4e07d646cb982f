using System.Collections.Concurrent;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// Runs async core work off the pipeline thread while the pipeline thread drains the messages that work
/// queues (verbose/debug lines). PowerShell allows Write* calls only on the pipeline thread, so
/// background code never writes directly: it posts, and <see cref="Run{T}"/> writes. A call that shows
/// no trace gets no queue at all.
/// </summary>
internal sealed class PipelineMessagePump
{
    private static readonly AsyncLocal<PipelineMessagePump?> s_current = new();

    private readonly BlockingCollection<Action<Cmdlet>> _messages = new();

    private PipelineMessagePump(XRocketTraceDetail traceDetail) => TraceDetail = traceDetail;

    /// <summary>The pump of the cmdlet call whose async flow this code runs in, if any.</summary>
    internal static PipelineMessagePump? Current => s_current.Value;

    /// <summary>How much the cmdlet call shows of its HTTP attempts.</summary>
    internal XRocketTraceDetail TraceDetail { get; }

    /// <summary>Queues an action to run on the pipeline thread; dropped once the call has completed.</summary>
    internal void Post(Action<Cmdlet> message)
    {
        try
        {
            _messages.Add(message);
        }
        catch (InvalidOperationException)
        {
            // The call already finished: a late trace line has no cmdlet to go to.
        }
    }

    /// <summary>Runs one core call; only a call that shows its trace gets a queue (nothing else posts).</summary>
    internal static T Run<T>(Cmdlet cmdlet, XRocketTraceDetail traceDetail, Func<Task<T>> work) =>
        traceDetail == XRocketTraceDetail.None
            ? Task.Run(work).GetAwaiter().GetResult()
            : Pumped(cmdlet, traceDetail, work);

    /// <summary>Runs work that posts its own messages (progress, results) as well as traces.</summary>
    internal static T Pumped<T>(Cmdlet cmdlet, XRocketTraceDetail traceDetail, Func<Task<T>> work)
    {
        var pump = new PipelineMessagePump(traceDetail);
        Task<T> task;
        var previous = s_current.Value;
        s_current.Value = pump;
        try
        {
            task = Task.Run(work);
        }
        finally
        {
            s_current.Value = previous;
        }

        task.ContinueWith(_ => pump._messages.CompleteAdding(), TaskScheduler.Default);
        foreach (var message in pump._messages.GetConsumingEnumerable())
        {
            message(cmdlet);
        }

        return task.GetAwaiter().GetResult();
    }
}
