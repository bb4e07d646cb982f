namespace XRocketPay.Client;

/// <summary>One HTTP attempt, as a verbose line or a log entry would show it. Never carries the token.</summary>
public sealed class XRocketTrace
{
    internal XRocketTrace(string method, string path, int? statusCode, TimeSpan elapsed, int attempt, string? failure, string? requestBody, string? responseBody)
    {
        Method = method;
        Path = path;
        StatusCode = statusCode;
        Elapsed = elapsed;
        Attempt = attempt;
        Failure = failure;
        RequestBody = requestBody;
        ResponseBody = responseBody;
    }

    public string Method { get; }
    public string Path { get; }
    public int? StatusCode { get; }
    public TimeSpan Elapsed { get; }
    public int Attempt { get; }

    /// <summary>Why the attempt got no answer (timeout, connection failure), if so.</summary>
    public string? Failure { get; }

    /// <summary>Only at <see cref="XRocketTraceDetail.Bodies"/>; sensitive fields masked.</summary>
    public string? RequestBody { get; }
    public string? ResponseBody { get; }

    public override string ToString() =>
        $"{Method} {Path} -> {(StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Failure ?? "no response")} in {(long)Elapsed.TotalMilliseconds} ms (attempt {Attempt})";
}
