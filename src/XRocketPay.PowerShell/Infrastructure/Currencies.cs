using System.Runtime.CompilerServices;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>The connection's currencies list: a reference read, allowed under -WhatIf and in validation, cached per connection.</summary>
internal static class Currencies
{
    /// <summary>When a connection's read last failed: not asked again for a minute, so a long run never waits on it per row.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<XRocketConnection, StrongBox<DateTime>> s_failedAt = new();

    /// <summary>The currencies of <paramref name="connection"/> (else this session's), fetched once with a short timeout; null when unavailable.</summary>
    internal static IReadOnlyList<Currency>? Load(XRocketConnection? connection = null)
    {
        connection ??= ConnectionStore.Current;
        if (connection is null)
        {
            return null;
        }

        if (connection.Currencies is null)
        {
            if (s_failedAt.TryGetValue(connection, out var failed) && DateTime.UtcNow - failed.Value < TimeSpan.FromMinutes(1))
            {
                return null;
            }

            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                connection.Currencies = Task.Run(() => connection.Client.GetCurrenciesAsync(null, timeout.Token)).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is Client.XRocketException or OperationCanceledException)
            {
                s_failedAt.GetValue(connection, _ => new StrongBox<DateTime>()).Value = DateTime.UtcNow;
                return null;
            }
        }

        return connection.Currencies;
    }
}
