using System.Collections.Concurrent;
using System.Diagnostics;

namespace XRocketPay.Client;

/// <summary>
/// A client-side token bucket per route (method and path, as the API counts its limit), so a long run
/// rarely meets 429. A bucket holds one request at most (no bursts): a fixed-window server limit of N a
/// minute is never exceeded while the rate stays below N/60. 429s are still retried by the retry policy.
/// A cmdlet may run its calls under another throttle (<see cref="Use"/>) than the connection's default.
/// </summary>
public sealed class XRocketThrottle
{
    private static readonly AsyncLocal<XRocketThrottle?> s_override = new();

    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly Func<TimeSpan> _clock;
    private long _waits;
    private long _waitedTicks;

    public XRocketThrottle(double requestsPerSecond, Func<TimeSpan>? clock = null)
    {
        if (!(requestsPerSecond > 0) || double.IsInfinity(requestsPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), requestsPerSecond, "Requests per second must be above 0.");
        }

        RequestsPerSecond = requestsPerSecond;
        var stopwatch = Stopwatch.StartNew();
        _clock = clock ?? (() => stopwatch.Elapsed);
    }

    public double RequestsPerSecond { get; }

    /// <summary>How many requests waited for the throttle, and for how long in all.</summary>
    public long Waits => Interlocked.Read(ref _waits);

    public TimeSpan Waited => TimeSpan.FromTicks(Interlocked.Read(ref _waitedTicks));

    /// <summary>Called (from a background thread) before each wait, with its length.</summary>
    public Action<TimeSpan>? Waiting { get; set; }

    /// <summary>The throttle of the current async flow (see <see cref="Use"/>), if any.</summary>
    public static XRocketThrottle? Current => s_override.Value;

    /// <summary>Runs the calls of this async flow under <paramref name="throttle"/> until disposed.</summary>
    public static IDisposable Use(XRocketThrottle? throttle)
    {
        var previous = s_override.Value;
        s_override.Value = throttle;
        return new Restore(previous);
    }

    /// <summary>The time to wait before a request to this route may go (and reserves its slot).</summary>
    public TimeSpan Reserve(string method, string path)
    {
        var bucket = _buckets.GetOrAdd(method + " " + path, _ => new Bucket());
        var interval = TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond / RequestsPerSecond));
        lock (bucket)
        {
            var now = _clock();
            var slot = bucket.Next > now ? bucket.Next : now;
            bucket.Next = slot + interval;
            return slot - now;
        }
    }

    /// <summary>Waits for this route's next slot.</summary>
    public async Task WaitAsync(string method, string path, CancellationToken cancellationToken)
    {
        var wait = Reserve(method, path);
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        Interlocked.Increment(ref _waits);
        Interlocked.Add(ref _waitedTicks, wait.Ticks);
        Waiting?.Invoke(wait);
        await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
    }

    private sealed class Bucket
    {
        public TimeSpan Next;
    }

    private sealed class Restore : IDisposable
    {
        private readonly XRocketThrottle? _previous;

        public Restore(XRocketThrottle? previous) => _previous = previous;

        public void Dispose() => s_override.Value = _previous;
    }
}
