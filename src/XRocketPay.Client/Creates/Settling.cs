using System.Collections.Concurrent;
using System.Diagnostics;

namespace XRocketPay.Client;

/// <summary>
/// The settling step, the one meaning of "settle" in this code: a create whose answer was lost
/// (<see cref="XRocketRetryPolicy.IsAnswerLost"/>) is settled by sending the same request, with the same
/// client id(s), which cannot pay twice, again with backoff until an answer comes. A re-run of a command with
/// the same client ids settles what a run left Unknown, the same way. It is bounded by silence: once a route
/// has answered nothing for <see cref="XRocketClientOptions.SettleWithin"/>, creates on it are no longer held
/// (they are Unknown) until it answers again. One per client; every create (transfer, mass transfer, cheque,
/// invoice, withdrawal) goes through <see cref="SendAsync"/>.
/// </summary>
internal sealed class Settling
{
    private readonly ConcurrentDictionary<string, long> _silentSince = new(StringComparer.Ordinal);
    private readonly XRocketClientOptions _options;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public Settling(XRocketClientOptions options) => _options = options;

    /// <summary>
    /// Sends a create on <paramref name="route"/> (<paramref name="sendOnce"/>, told whether an earlier pass's
    /// answer was lost, so that its own "already taken" is this call's work) until it is answered. A failure that
    /// is an answer ends it: it is thrown, marked as possibly done when an earlier pass's answer was lost (a
    /// refusal of the re-sent request says nothing of the lost one; a conflict does). When the route stays
    /// silent for the bound, the last lost answer is thrown, marked as possibly done when any pass may have been.
    /// </summary>
    public async Task<T> SendAsync<T>(string route, Func<bool, CancellationToken, Task<T>> sendOnce, CancellationToken cancellationToken)
    {
        var answerLost = false;
        var mayHaveBeenDone = false;
        for (var pass = 1; ; pass++)
        {
            XRocketException lost;
            try
            {
                var answered = await sendOnce(answerLost, cancellationToken).ConfigureAwait(false);
                Answered(route);
                return answered;
            }
            catch (XRocketException ex) when (XRocketRetryPolicy.IsAnswerLost(ex))
            {
                lost = ex;
                answerLost = true;
                mayHaveBeenDone |= ex.MayHaveSucceeded;
            }
            catch (XRocketException ex)
            {
                Answered(route);
                ex.MayHaveSucceeded |= answerLost && ex is not XRocketConflictException;
                throw;
            }

            if (!await AgainAsync(route, pass, cancellationToken).ConfigureAwait(false))
            {
                // Any pass, not only the last, may have been done (a 503, then only 429s: still in doubt).
                lost.MayHaveSucceeded = mayHaveBeenDone;
                throw lost;
            }
        }
    }

    /// <summary>The route answered (a success or a refusal): its silence ends.</summary>
    private void Answered(string route) => _silentSince.TryRemove(route, out _);

    /// <summary>
    /// Called after a lost answer on <paramref name="route"/>: true (after the backoff for this
    /// <paramref name="pass"/>) when the request should be sent again; false once the route has been silent
    /// for the whole bound.
    /// </summary>
    private async Task<bool> AgainAsync(string route, int pass, CancellationToken cancellationToken)
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
