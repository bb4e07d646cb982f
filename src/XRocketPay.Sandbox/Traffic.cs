using System.Collections.Concurrent;
using System.Globalization;

namespace XRocketPay.Sandbox;

/// <summary>The request log the admin surface reads back (tests prove "-WhatIf sent nothing" with it).</summary>
internal sealed class RequestLog
{
    private readonly ConcurrentQueue<object> _items = new();
    private long _seq;

    public void Add(HttpRequest request, int status, string? body, bool authorized) => _items.Enqueue(new
    {
        seq = Interlocked.Increment(ref _seq),
        method = request.Method,
        path = request.Path.Value,
        query = request.QueryString.Value,
        status,
        body,
        authorized,
        at = DateTimeOffset.UtcNow,
    });

    public IReadOnlyList<object> Items => _items.ToList();

    public void Clear() => _items.Clear();
}

internal sealed record Fault(string Id, string? Method, string Path, string Mode, int? Status, int DelayMs, int? RetryAfterSeconds)
{
    public int Remaining;
}

/// <summary>Pending injected faults: the next N calls of a route fail in a chosen way.</summary>
internal sealed class FaultBook
{
    public static readonly string[] Modes = { "status", "delay", "drop", "malformed", "after-commit" };

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
            body.Int("status"), body.Int("delayMs") ?? 0, body.Int("retryAfterSeconds"))
        {
            Remaining = body.Int("count") ?? 1,
        };
        if (mode == "status" && fault.Status is null)
        {
            throw Problem.Validation("Mode 'status' needs 'status'.");
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

    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }
}

/// <summary>A fixed one-minute window per token and route.</summary>
internal sealed class RateLimiter
{
    private readonly ConcurrentDictionary<string, (long Window, int Count)> _counters = new();

    /// <summary>Null when allowed; otherwise the seconds to wait.</summary>
    public int? Check(string key, int perMinute)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var window = now / 60;
        var entry = _counters.AddOrUpdate(key, _ => (window, 1), (_, old) => old.Window == window ? (window, old.Count + 1) : (window, 1));
        return entry.Count <= perMinute ? null : (int)Math.Max(1, (window + 1) * 60 - now);
    }

    public void Clear() => _counters.Clear();

    public static string Key(string? token, HttpRequest request) =>
        string.Create(CultureInfo.InvariantCulture, $"{token ?? "-"} {request.Method} {request.Path.Value}");
}
