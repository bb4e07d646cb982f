namespace XRocketPay.Client;

/// <summary>How much of an HTTP attempt a trace carries; <see cref="None"/> skips all trace work.</summary>
public enum XRocketTraceDetail
{
    None,

    /// <summary>Method, path, status, time and attempt.</summary>
    Summary,

    /// <summary>The summary and the request and response bodies, sensitive fields masked.</summary>
    Bodies,
}
