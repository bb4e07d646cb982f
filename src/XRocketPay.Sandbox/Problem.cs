namespace XRocketPay.Sandbox;

/// <summary>An RFC 9457 problem: thrown by handlers, written by <see cref="ProblemMiddleware"/>.</summary>
internal sealed class Problem : Exception
{
    public Problem(int status, string code, string title, string detail, string kind) : base(detail)
    {
        Status = status;
        Code = code;
        Title = title;
        Kind = kind;
    }

    public int Status { get; }
    public string Code { get; }
    public string Title { get; }
    public string Kind { get; }
    public int? RetryAfterSeconds { get; init; }

    public static Problem Validation(string detail) => new(400, "client_data_validation", "Validation failed", detail, "validation");
    public static Problem Business(string code, string title, string detail) => new(400, code, title, detail, "business");
    public static Problem NotFound(string detail) => new(404, "not_found", "Not found", detail, "not_found");
    public static Problem Unauthorized() => new(401, "unauthorized", "Unauthorized", "A valid Bearer token is required.", "auth");
    public static Problem RateLimited(int retryAfter) =>
        new(429, "rate_limit_exceeded", "Too many requests", $"Rate limit exceeded; retry after {retryAfter} s.", "rate_limit") { RetryAfterSeconds = retryAfter };
    public static Problem Internal(string detail = "Internal error.") => new(500, "internal_error", "Internal server error", detail, "server");

    public static Problem ForStatus(int status) => status switch
    {
        400 => Validation("Injected fault."),
        401 => Unauthorized(),
        403 => new Problem(403, "operation_disabled", "Forbidden", "Injected fault.", "business"),
        404 => NotFound("Injected fault."),
        429 => RateLimited(1),
        _ when status >= 500 => new Problem(status, "internal_error", "Server error", "Injected fault.", "server"),
        _ => new Problem(status, "injected_fault", "Injected fault", "Injected fault.", "fault"),
    };

    public object ToBody() => new
    {
        type = "/api/problems/" + Code,
        title = Title,
        status = Status,
        detail = Message,
        instance = "/api/problems/instances/" + Guid.NewGuid().ToString("D"),
        kind = Kind,
    };

    public async Task WriteAsync(HttpResponse response)
    {
        response.StatusCode = Status;
        if (RetryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await response.WriteAsJsonAsync(ToBody(), Json.Options, "application/problem+json");
    }
}
