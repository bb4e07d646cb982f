namespace XRocketPay.Client;

/// <summary>
/// The three questions of trying again, answered here and only here: "was the answer lost?"
/// (<see cref="IsAnswerLost"/>), "retry this attempt?" (<see cref="ShouldRetry"/>) and "how long to wait?"
/// (<see cref="Delay"/>). The HTTP attempt loop (<c>XRocketHttp</c>) and the settling step of every create
/// (<c>Settling</c>) ask them. The client id of a create is made once per call, so every retry and every
/// settling pass carries the same one.
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
    /// Was the answer lost? True for a failure that says nothing of what the server did: no answer (a
    /// timeout, a failed or dropped connection), a 5xx, a 429, a malformed answer, or a mass-transfer row lost
    /// with its request. Such a create is settled: sent again with the same client id, which cannot pay
    /// twice. A refused redirect is not lost: it is refused on purpose, and never sent again.
    /// </summary>
    public static bool IsAnswerLost(XRocketException failure) => failure switch
    {
        XRocketTransportException transport => transport.Code is not XRocketProblemCodes.RedirectRefused,
        XRocketApiException api => IsBusy(api.StatusCode) || IsServerError(api.StatusCode),
        XRocketRowException row => row.Problem is null && row.InnerException is XRocketException request && IsAnswerLost(request),
        _ => false,
    };

    /// <summary>
    /// Whether to try again after <paramref name="failure"/> ended attempt number <paramref name="attempt"/>:
    /// an attempt whose answer was lost, while attempts remain. A malformed answer is not retried here (it is
    /// read after the attempt loop, and settled by the create). A user's cancel never reaches here.
    /// </summary>
    public bool ShouldRetry(XRocketException failure, int attempt) =>
        attempt < Math.Max(1, MaxAttempts) && IsAnswerLost(failure) && failure.Code is not XRocketProblemCodes.MalformedResponse;

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

    /// <summary>
    /// Whether the attempt that ended in <paramref name="failure"/> may have been executed: its answer was lost
    /// and it was not a 429 (a server too busy to take a request executed nothing).
    /// </summary>
    internal static bool MayHaveBeenExecuted(XRocketException failure) =>
        IsAnswerLost(failure) && !(failure is XRocketApiException api && IsBusy(api.StatusCode));

    private static bool IsBusy(HttpStatusCode status) => status == (HttpStatusCode)429;

    private static bool IsServerError(HttpStatusCode status) => (int)status >= 500;
}
