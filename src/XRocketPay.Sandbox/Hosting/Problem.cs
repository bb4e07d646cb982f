using System.Globalization;

namespace XRocketPay.Sandbox;

/// <summary>
/// An RFC 9457 problem: thrown by handlers, written by <see cref="ApiPipeline"/>. Codes are the live list
/// (SOURCES §3); kinds follow the public ProblemKind enum (SOURCES S8).
/// </summary>
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

    /// <summary>Seconds for a Retry-After header; null or 0 sends none (no source says the API sends it).</summary>
    public int? RetryAfterSeconds { get; init; }

    public static Problem Validation(string detail) => new(400, "validation_error", "Validation failed", detail, "client_data_validation");
    public static Problem Business(string code, string title, string detail) => new(400, code, title, detail, "validation");
    public static Problem Duplicate(string code, string detail) => new(400, code, "Client id already taken", detail, "conflict");
    public static Problem Missing(string code, string detail) => new(400, code, "Missing identifier", detail, "client_data_validation");
    public static Problem NotFound(string code, string detail) => new(404, code, "Not found", detail, "not_found");
    public static Problem Unauthorized() => new(401, "unauthorized", "Unauthorized", "Unknown API Key", "unauthorized");
    public static Problem RateLimited(int? retryAfter) =>
        new(429, "rate_limit_exceeded", "Too many requests", "Try again later", "rate_limit") { RetryAfterSeconds = retryAfter };
    public static Problem Internal(string detail = "Internal error.") => new(500, "internal_error", "Internal server error", detail, "internal");

    /// <summary>An injected fault's answer; 429 carries Retry-After only when asked for.</summary>
    public static Problem ForStatus(int status, int? retryAfter = null) => status switch
    {
        400 => Validation("Injected fault."),
        401 => Unauthorized(),
        403 => new Problem(403, "operation_disabled", "Forbidden", "Injected fault.", "forbidden"),
        404 => NotFound("app_not_found", "Injected fault."),
        429 => RateLimited(retryAfter),
        _ when status >= 500 => new Problem(status, "internal_error", "Server error", "Injected fault.", "internal"),
        _ => new Problem(status, "injected_fault", "Injected fault", "Injected fault.", "internal"),
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
        if (RetryAfterSeconds is > 0 and var seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        await response.WriteAsJsonAsync(ToBody(), Json.Options, "application/problem+json");
    }

    /// <summary>What a NestJS application answers for a route it does not have (any method, any path).</summary>
    public static Task WriteRouteNotFoundAsync(HttpContext context)
    {
        var request = context.Request;
        context.Response.StatusCode = 404;
        var body = new { message = $"Cannot {request.Method} {request.Path}{request.QueryString}", error = "Not Found", statusCode = 404 };
        return context.Response.WriteAsJsonAsync(body, Json.Options, "application/json");
    }
}
