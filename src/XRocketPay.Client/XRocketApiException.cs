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
        var problem = ReadProblem(text);
        var status = (int)response.StatusCode;
        var message = problem is not null
            ? $"{problem.Title ?? "Error"} ({problem.Code}, HTTP {status}): {redactor.Redact(problem.Detail) }"
            : $"HTTP {status} {response.ReasonPhrase} with a body that is not a problem document: {redactor.Snippet(text)}";
        var exception = new XRocketApiException(response.StatusCode, problem, message);
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            exception.RetryAfter = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        }

        return exception;
    }

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
