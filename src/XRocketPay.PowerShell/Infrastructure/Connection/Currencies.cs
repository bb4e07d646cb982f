using System.Runtime.CompilerServices;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// The connection's currencies list: a reference read, allowed under -WhatIf and in validation, cached per
/// connection. The one place the cache is read and written.
/// </summary>
internal static class Currencies
{
    private static readonly ConditionalWeakTable<XRocketConnection, IReadOnlyList<Currency>> s_cache = new();

    /// <summary>When a connection's read last failed: not asked again for a minute, so a long run never waits on it per row.</summary>
    private static readonly ConditionalWeakTable<XRocketConnection, StrongBox<DateTime>> s_failedAt = new();

    /// <summary>The currencies of <paramref name="connection"/> (else this session's), fetched once with a short timeout; null when unavailable.</summary>
    internal static IReadOnlyList<Currency>? Load(XRocketConnection? connection = null)
    {
        connection ??= ConnectionStore.Current;
        if (connection is null)
        {
            return null;
        }

        if (s_cache.TryGetValue(connection, out var cached))
        {
            return cached;
        }

        if (s_failedAt.TryGetValue(connection, out var failed) && DateTime.UtcNow - failed.Value < TimeSpan.FromMinutes(1))
        {
            return null;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            return Remember(connection, Task.Run(() => connection.Client.GetCurrenciesAsync(null, timeout.Token)).GetAwaiter().GetResult());
        }
        catch (Exception ex) when (ex is Client.XRocketException or OperationCanceledException)
        {
            s_failedAt.GetValue(connection, _ => new StrongBox<DateTime>()).Value = DateTime.UtcNow;
            return null;
        }
    }

    /// <summary>The cached list, else the one <paramref name="read"/> gets through the cmdlet's own call (cancellable, its failures the cmdlet's), kept.</summary>
    internal static IReadOnlyList<Currency> Fetch(XRocketConnection connection, Func<IReadOnlyList<Currency>> read) =>
        s_cache.TryGetValue(connection, out var cached) ? cached : Remember(connection, read());

    /// <summary>Keeps a full list (every kind) read for <paramref name="connection"/>; the first one kept wins.</summary>
    internal static IReadOnlyList<Currency> Remember(XRocketConnection connection, IReadOnlyList<Currency> all) =>
        s_cache.GetValue(connection, _ => all);
}
