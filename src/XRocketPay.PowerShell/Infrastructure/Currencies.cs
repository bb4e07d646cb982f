namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>The connection's currencies list: a reference read, allowed under -WhatIf and in validation, cached per connection.</summary>
internal static class Currencies
{
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
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                connection.Currencies = Task.Run(() => connection.Client.GetCurrenciesAsync(null, timeout.Token)).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is Client.XRocketException or OperationCanceledException)
            {
                return null;
            }
        }

        return connection.Currencies;
    }
}
