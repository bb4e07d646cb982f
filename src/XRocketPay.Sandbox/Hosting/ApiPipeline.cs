namespace XRocketPay.Sandbox;

/// <summary>
/// Wraps every request: request log, injected faults, the framework's route-not-found, auth, rate limit,
/// and problem bodies for every error (including unhandled exceptions), so no client ever sees an HTML page.
/// </summary>
internal sealed class ApiPipeline
{
    private static readonly string[] PublicPaths = { "/health", "/api/v1/currencies", "/api/v1/rates", "/api/docs-json" };

    private readonly RequestDelegate _next;
    private readonly SandboxState _state;
    private readonly FaultBook _faults;
    private readonly RateLimiter _rateLimiter;
    private readonly RequestLog _log;
    private readonly ApiContract _contract;
    private readonly HashSet<string> _tokens;

    public ApiPipeline(RequestDelegate next, SandboxState state, FaultBook faults, RateLimiter rateLimiter, RequestLog log, ApiContract contract, SandboxOptions options)
    {
        _next = next;
        _state = state;
        _faults = faults;
        _rateLimiter = rateLimiter;
        _log = log;
        _contract = contract;
        _tokens = new HashSet<string>(options.Tokens, StringComparer.Ordinal);
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "";
        var isApi = path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) || path.Equals("/health", StringComparison.OrdinalIgnoreCase);
        string? body = null;
        if (isApi && (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0))
        {
            request.EnableBuffering();
            using var reader = new StreamReader(request.Body, leaveOpen: true);
            body = await reader.ReadToEndAsync();
            request.Body.Position = 0;
        }

        var token = BearerToken(request);
        var authorized = token is not null && _tokens.Contains(token);
        var logged = false;
        try
        {
            if (!isApi)
            {
                await _next(context);
                await WriteErrorForEmptyResponse(context);
                return;
            }

            var fault = _faults.Take(request);
            if (fault is not null && fault.Mode != "after-commit" && fault.Mode != "delay")
            {
                logged = await InjectAsync(context, fault, body, authorized);
                return;
            }

            if (fault?.Mode == "delay")
            {
                await Task.Delay(fault.DelayMs, context.RequestAborted);
            }

            if (ApiRoutes.Of(context) is null)
            {
                await Problem.WriteRouteNotFoundAsync(context);
                return;
            }

            var isPublic = PublicPaths.Contains(path, StringComparer.OrdinalIgnoreCase);
            if ((token is not null && !authorized) || (!isPublic && !authorized))
            {
                throw Problem.Unauthorized();
            }

            if (_state.Config.RateLimitPerMinute is { } perMinute && _rateLimiter.Check(RateLimiter.Key(token, request), perMinute) is { } wait)
            {
                throw Problem.RateLimited(wait);
            }

            if (fault?.Mode == "after-commit")
            {
                logged = await AfterCommitAsync(context, fault, body, authorized);
                return;
            }

            await _next(context);
            await WriteErrorForEmptyResponse(context);
        }
        catch (Problem problem) when (!context.Response.HasStarted)
        {
            await problem.WriteAsync(context.Response);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception ex) when (!context.Response.HasStarted && ex is not Problem)
        {
            await Problem.Internal("Unexpected sandbox error: " + ex.GetType().Name).WriteAsync(context.Response);
        }
        finally
        {
            if (isApi && !logged)
            {
                _log.Add(request, context.Response.StatusCode, body, authorized);
            }
        }
    }

    /// <summary>The faults that answer without executing. True when the request was logged here.</summary>
    private async Task<bool> InjectAsync(HttpContext context, Fault fault, string? body, bool authorized)
    {
        var response = context.Response;
        switch (fault.Mode)
        {
            case "drop":
                _log.Add(context.Request, 0, body, authorized);
                context.Abort();
                return true;
            case "malformed":
                response.StatusCode = 200;
                response.ContentType = "application/json";
                await response.WriteAsync("{\"items\": [ {\"broken\": tru");
                return false;
            case "echo":
                var echo = _contract.Echo(context.Request.Method, context.Request.Path.Value ?? "", context.Request.Headers.Authorization.ToString());
                response.StatusCode = 200;
                await response.WriteAsJsonAsync(echo, Json.Options);
                return false;
            case "redirect":
                response.StatusCode = fault.Status ?? 307;
                response.Headers.Location = fault.Location!.TrimEnd('/') + context.Request.Path + context.Request.QueryString;
                return false;
            default:
                throw Problem.ForStatus(fault.Status!.Value, fault.RetryAfterSeconds);
        }
    }

    /// <summary>
    /// Runs and commits for real, then loses the answer: the case that tempts clients into paying twice.
    /// A request the server refuses commits nothing, so its own answer (the problem body) goes out unchanged.
    /// </summary>
    private async Task<bool> AfterCommitAsync(HttpContext context, Fault fault, string? body, bool authorized)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await _next(context);
        }
        catch (Problem refused)
        {
            await refused.WriteAsync(context.Response);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode >= 400)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(original);
            return false;
        }

        context.Response.Headers.Clear();
        var status = fault.Status ?? 500;
        if (status == 0)
        {
            _log.Add(context.Request, 0, body, authorized);
            context.Abort();
            return true;
        }

        throw Problem.ForStatus(status, fault.RetryAfterSeconds);
    }

    /// <summary>An unmatched route or method answers as NestJS does (404, never 405); other bodiless errors get a problem.</summary>
    private static async Task WriteErrorForEmptyResponse(HttpContext context)
    {
        var response = context.Response;
        if (response.HasStarted || response.StatusCode < 400)
        {
            return;
        }

        if (response.StatusCode is 404 or 405)
        {
            await Problem.WriteRouteNotFoundAsync(context);
            return;
        }

        await (response.StatusCode == 415 ? Problem.Validation("Content-Type must be application/json.") : Problem.ForStatus(response.StatusCode)).WriteAsync(response);
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
