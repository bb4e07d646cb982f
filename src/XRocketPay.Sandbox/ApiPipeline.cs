namespace XRocketPay.Sandbox;

/// <summary>
/// Wraps every request: request log, injected faults, auth, rate limit, and problem bodies for every
/// error (including unmatched routes and unhandled exceptions), so no client ever sees an HTML page.
/// </summary>
internal sealed class ApiPipeline
{
    private static readonly string[] PublicPaths = { "/health", "/api/v1/currencies", "/api/v1/rates" };

    private readonly RequestDelegate _next;
    private readonly SandboxState _state;
    private readonly FaultBook _faults;
    private readonly RateLimiter _rateLimiter;
    private readonly RequestLog _log;
    private readonly HashSet<string> _tokens;

    public ApiPipeline(RequestDelegate next, SandboxState state, FaultBook faults, RateLimiter rateLimiter, RequestLog log, SandboxOptions options)
    {
        _next = next;
        _state = state;
        _faults = faults;
        _rateLimiter = rateLimiter;
        _log = log;
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
                await WriteProblemForEmptyError(context);
                return;
            }

            var fault = _faults.Take(request);
            switch (fault?.Mode)
            {
                case "status":
                    throw Problem.ForStatus(fault.Status!.Value) is var injected && fault.RetryAfterSeconds is { } retry
                        ? new Problem(injected.Status, injected.Code, injected.Title, injected.Message, injected.Kind) { RetryAfterSeconds = retry }
                        : injected;
                case "delay":
                    await Task.Delay(fault.DelayMs, context.RequestAborted);
                    break;
                case "drop":
                    _log.Add(request, 0, body, authorized);
                    logged = true;
                    context.Abort();
                    return;
                case "malformed":
                    context.Response.StatusCode = 200;
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync("{\"items\": [ {\"broken\": tru");
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
                // Run and commit for real, then lose the answer: the case that tempts clients into paying twice.
                var original = context.Response.Body;
                context.Response.Body = new MemoryStream();
                await _next(context);
                context.Response.Body = original;
                context.Response.Headers.Clear();
                var status = fault.Status ?? 500;
                if (status == 0)
                {
                    _log.Add(request, 0, body, authorized);
                    logged = true;
                    context.Abort();
                    return;
                }

                throw Problem.ForStatus(status);
            }

            await _next(context);
            await WriteProblemForEmptyError(context);
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

    private static async Task WriteProblemForEmptyError(HttpContext context)
    {
        var response = context.Response;
        if (response.HasStarted || response.StatusCode < 400)
        {
            return;
        }

        var problem = response.StatusCode switch
        {
            404 => Problem.NotFound($"No route {context.Request.Method} {context.Request.Path}."),
            405 => new Problem(405, "method_not_allowed", "Method not allowed", $"{context.Request.Method} is not allowed on {context.Request.Path}.", "validation"),
            415 => Problem.Validation("Content-Type must be application/json."),
            _ => Problem.ForStatus(response.StatusCode),
        };
        await problem.WriteAsync(response);
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
