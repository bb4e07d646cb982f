namespace XRocketPay.Sandbox;

internal sealed record Fault(string Id, string? Method, string Path, string Mode, int? Status, int DelayMs, int? RetryAfterSeconds, string? Location)
{
    public int Remaining;
}

/// <summary>
/// Pending injected faults: the next N calls of a route fail in a chosen way. Modes: status (a problem
/// without executing; 429 sends Retry-After only when retryAfterSeconds is above 0), delay, drop, malformed,
/// after-commit, redirect (3xx to another loopback host given as location, without executing) and echo
/// (200 in the operation's shape with every money field holding the request's Authorization header).
/// </summary>
internal sealed class FaultBook
{
    public static readonly string[] Modes = { "status", "delay", "drop", "malformed", "after-commit", "redirect", "echo" };

    private readonly object _gate = new();
    private readonly List<Fault> _faults = new();

    public Fault Add(RequestBody body)
    {
        var path = body.RequiredString("path");
        var mode = body.RequiredString("mode");
        if (!Modes.Contains(mode))
        {
            throw Problem.Validation($"'mode' must be one of {string.Join(", ", Modes)}.");
        }

        var fault = new Fault(Guid.NewGuid().ToString("N"), body.String("method")?.ToUpperInvariant(), path, mode,
            body.Int("status"), body.Int("delayMs") ?? 0, body.Int("retryAfterSeconds"), body.String("location"))
        {
            Remaining = body.Int("count") ?? 1,
        };
        if (mode == "status" && fault.Status is null)
        {
            throw Problem.Validation("Mode 'status' needs 'status'.");
        }

        if (mode == "redirect" && (fault.Location is null || !Uri.TryCreate(fault.Location, UriKind.Absolute, out var target) || !Loopback.Is(target)))
        {
            throw Problem.Validation("Mode 'redirect' needs 'location', an absolute loopback URL (the sandbox never points off the machine).");
        }

        if (mode == "redirect" && fault.Status is not (null or 301 or 302 or 303 or 307 or 308))
        {
            throw Problem.Validation("A redirect's 'status' is 301, 302, 303, 307 or 308 (default 307).");
        }

        lock (_gate)
        {
            _faults.Add(fault);
        }

        return fault;
    }

    /// <summary>Takes one use of the first fault matching this request, if any.</summary>
    public Fault? Take(HttpRequest request)
    {
        lock (_gate)
        {
            var fault = _faults.FirstOrDefault(f =>
                f.Remaining > 0 && string.Equals(f.Path, request.Path.Value, StringComparison.OrdinalIgnoreCase) &&
                (f.Method is null || f.Method == request.Method));
            if (fault is null)
            {
                return null;
            }

            if (--fault.Remaining == 0)
            {
                _faults.Remove(fault);
            }

            return fault;
        }
    }

    /// <summary>The faults not yet used up: a test knows a request reached the sandbox when its fault is taken.</summary>
    public IReadOnlyList<object> Pending()
    {
        lock (_gate)
        {
            return _faults.Select(f => (object)new { id = f.Id, method = f.Method, path = f.Path, mode = f.Mode, remaining = f.Remaining }).ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }
}
