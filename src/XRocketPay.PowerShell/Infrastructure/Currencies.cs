using System.Collections;
using System.Management.Automation.Language;

namespace XRocketPay.PowerShell.Infrastructure;

internal static class Currencies
{
    /// <summary>The connection's currencies, fetched once with a short timeout; null when unavailable.</summary>
    internal static IReadOnlyList<Currency>? Load()
    {
        var connection = ConnectionStore.Current;
        if (connection is null)
        {
            return null;
        }

        if (connection.Currencies is null)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                connection.Currencies = connection.Client.GetCurrenciesAsync(null, timeout.Token).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is Client.XRocketException or OperationCanceledException)
            {
                return null;
            }
        }

        return connection.Currencies;
    }
}
