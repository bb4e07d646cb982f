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
