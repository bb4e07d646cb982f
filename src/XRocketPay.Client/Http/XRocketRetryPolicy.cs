using System;
using System.Net;

namespace XRocketPay.Client;

/// <summary>How many times and how patiently a call is retried.</summary>
public sealed class XRocketRetryPolicy
{
    /// <summary>Attempts in all, the first included (1 = no retries).</summary>
    public int MaxAttempts { get; set; } = 4;

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A server's Retry-After longer than this is capped to it.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);
}
