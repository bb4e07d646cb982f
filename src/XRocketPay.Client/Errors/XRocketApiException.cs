namespace XRocketPay.Client;

/// <summary>The API answered with an error status (an RFC 9457 problem, or a body that is not one).</summary>
public class XRocketApiException : XRocketException
{
    public XRocketApiException(HttpStatusCode statusCode, XRocketProblem? problem, string message) : base(message)
    {
        StatusCode = statusCode;
        Problem = problem;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The parsed problem body; null when the body was not one (a proxy's HTML page, an empty body).</summary>
    public XRocketProblem? Problem { get; }

    public TimeSpan? RetryAfter { get; internal set; }

    public override string Code => Problem?.Code ?? XRocketProblemCodes.ForStatus((int)StatusCode);

    public bool IsClientIdAlreadyTaken => ProblemCode.Kind == XRocketProblemKind.Duplicate;
    public bool IsInsufficientFunds => ProblemCode.Kind == XRocketProblemKind.Balance;
    public bool IsUnauthorized => StatusCode == HttpStatusCode.Unauthorized || ProblemCode.Kind == XRocketProblemKind.Auth;
    public bool IsRateLimited => (int)StatusCode == 429 || ProblemCode.Kind == XRocketProblemKind.RateLimit;
    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;
    public bool IsValidation => ProblemCode.Kind == XRocketProblemKind.Validation;

    internal override int? HttpStatus => (int)StatusCode;

    /// <summary>Reads an error answer: its problem body when it has one, its Retry-After, a token-free message.</summary>
    internal static XRocketApiException FromResponse(HttpResponseMessage response, string text, Redactor redactor)
    {
        var problem = Redacted(ReadProblem(text), redactor);
        var status = (int)response.StatusCode;
        var message = problem is not null
            ? $"{problem.Title ?? "Error"} ({problem.Code}, HTTP {status}): {problem.Detail}"
            : $"HTTP {status} {response.ReasonPhrase} with a body that is not a problem document: {redactor.Snippet(text)}";
        var exception = new XRocketApiException(response.StatusCode, problem, message);
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            exception.RetryAfter = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        }

        return exception;
    }

    /// <summary>The problem with every text field redacted: it is a public property of the exception (issue 14 item 2).</summary>
    internal static XRocketProblem? Redacted(XRocketProblem? problem, Redactor redactor) => problem is null ? null : new XRocketProblem
    {
        Type = redactor.Redact(problem.Type),
        Title = problem.Title is null ? null : redactor.Redact(problem.Title),
        Status = problem.Status,
        Detail = problem.Detail is null ? null : redactor.Redact(problem.Detail),
        Instance = problem.Instance is null ? null : redactor.Redact(problem.Instance),
        Kind = problem.Kind is null ? null : redactor.Redact(problem.Kind),
        Info = problem.Info is { } info && redactor.Redact(info.GetRawText()) == info.GetRawText() ? info : null,
    };

    private static XRocketProblem? ReadProblem(string text)
    {
        if (text.Length == 0 || !text.TrimStart().StartsWith("{", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var problem = JsonSerializer.Deserialize(text, XRocketJsonContext.Default.XRocketProblem);
            return problem?.Type is null && problem?.Title is null ? null : problem;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
