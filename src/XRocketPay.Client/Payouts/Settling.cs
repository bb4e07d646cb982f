using System.Collections.Concurrent;
using System.Diagnostics;

namespace XRocketPay.Client;

/// <summary>
/// The settling step: after a create's answer was lost (<see cref="Outcomes.IsAnswerLost"/>), the same request
/// with the same client id(s), which cannot pay twice, is sent again with backoff until an answer comes. It is
/// bounded by silence: once a route has answered nothing for <see cref="XRocketClientOptions.SettleWithin"/>,
/// creates on it are no longer held (their rows are Unknown) until it answers again. One per client.
/// </summary>
internal sealed class Settling
{
    private readonly ConcurrentDictionary<string, long> _silentSince = new(StringComparer.Ordinal);
    private readonly XRocketClientOptions _options;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public Settling(XRocketClientOptions options) => _options = options;

    /// <summary>The route answered (a success or a refusal): its silence ends.</summary>
    public void Answered(string route) => _silentSince.TryRemove(route, out _);

    /// <summary>
    /// Called after a lost answer on <paramref name="route"/>: true (after the backoff for this
    /// <paramref name="pass"/>) when the request should be sent again; false once the route has been silent
    /// for the whole bound.
    /// </summary>
    public async Task<bool> AgainAsync(string route, int pass, CancellationToken cancellationToken)
    {
        var now = _clock.Elapsed.Ticks;
        var since = _silentSince.GetOrAdd(route, now);
        var left = _options.SettleWithin - TimeSpan.FromTicks(now - since);
        if (left <= TimeSpan.Zero)
        {
            return false;
        }

        var wait = _options.Retry.Delay(pass);
        await Task.Delay(wait < left ? wait : left, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
