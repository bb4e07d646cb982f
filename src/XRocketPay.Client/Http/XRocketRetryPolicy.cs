namespace XRocketPay.Client;

/// <summary>
/// Which failures are retried and how long to wait: the two questions of a retry, answered here and
/// only here. The client id of a create is made once per call, so every retry carries the same one.
/// </summary>
public sealed class XRocketRetryPolicy
{
    private readonly Random _jitter = new();

    /// <summary>Attempts in all, the first included (1 = no retries).</summary>
    public int MaxAttempts { get; set; } = 4;

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A server's Retry-After longer than this is capped to it.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Whether to try again after <paramref name="failure"/> ended attempt number <paramref name="attempt"/>:
    /// timeouts, failed connections, 5xx and 429, while attempts remain. A user's cancel never reaches here.
    /// </summary>
    public bool ShouldRetry(XRocketException failure, int attempt) =>
        attempt < Math.Max(1, MaxAttempts) && IsTransient(failure);

    /// <summary>How long to wait before the attempt after <paramref name="attempt"/>: the server's Retry-After (capped), else jittered exponential backoff.</summary>
    public TimeSpan Delay(int attempt, TimeSpan? retryAfter = null)
    {
        if (retryAfter is { } wait)
        {
            return wait > MaxRetryAfter ? MaxRetryAfter : wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        var exponential = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        double jitter;
        lock (_jitter)
        {
            jitter = 0.5 + _jitter.NextDouble() * 0.5;
        }

        return TimeSpan.FromMilliseconds(Math.Min(exponential, MaxDelay.TotalMilliseconds) * jitter);
    }

    private static bool IsTransient(XRocketException failure) => failure switch
    {
        XRocketTransportException transport => transport.Code is XRocketProblemCodes.Timeout or XRocketProblemCodes.ConnectionFailed,
        XRocketApiException api => (int)api.StatusCode >= 500 || api.StatusCode == (HttpStatusCode)429,
        _ => false,
    };
}
