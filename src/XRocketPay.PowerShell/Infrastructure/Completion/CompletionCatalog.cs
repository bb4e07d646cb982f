namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// What completion offers, in context: the connection's currencies when connected (cached per connection),
/// else the sandbox catalogue; crypto only where only crypto is valid, narrowed by the -Network or -Asset
/// already typed on the line.
/// </summary>
internal static class CompletionCatalog
{
    /// <summary>
    /// The one offline currency and network list: offered when not connected, and the known networks of
    /// <see cref="InputRules"/> without a currencies list. The sandbox catalogue, as a test holds it.
    /// </summary>
    internal static readonly IReadOnlyList<Currency> Offline = new[]
    {
        Crypto("TONCOIN", "TON"), Crypto("USDT", "TON", "TRX", "ETH", "BSC"), Crypto("BTC", "BTC"), Crypto("ETH", "ETH"),
        Crypto("TRX", "TRX"), Crypto("SOL", "SOL"), Crypto("BNB", "BSC"), Crypto("NOT", "TON"),
        new Currency { Code = "USD", Kind = "fiat" }, new Currency { Code = "EUR", Kind = "fiat" },
    };

    internal static IReadOnlyList<Currency> All => Currencies.Load() is { Count: > 0 } live ? live : Offline;

    /// <summary>Codes of <paramref name="kind"/> (null: any) that can move over <paramref name="network"/> (null: any).</summary>
    internal static IEnumerable<string> Codes(string? kind, string? network) =>
        All.Where(c => kind is null || string.Equals(c.Kind, kind, StringComparison.OrdinalIgnoreCase))
            .Where(c => string.IsNullOrEmpty(network) || c.Networks.Any(n => string.Equals(n.Code, network, StringComparison.OrdinalIgnoreCase)))
            .Select(c => c.Code);

    /// <summary>Networks of <paramref name="asset"/> (null: every network).</summary>
    internal static IEnumerable<string> Networks(string? asset) =>
        All.Where(c => string.IsNullOrEmpty(asset) || string.Equals(c.Code, asset, StringComparison.OrdinalIgnoreCase))
            .SelectMany(c => c.Networks).Select(n => n.Code);

    /// <summary>A parameter already on the line (by its name or an alias), as text.</summary>
    internal static string? Bound(System.Collections.IDictionary fakeBoundParameters, params string[] names)
    {
        foreach (var name in names)
        {
            if (fakeBoundParameters.Contains(name) && fakeBoundParameters[name] is { } value)
            {
                return (value is PSObject wrapped ? wrapped.BaseObject : value) switch
                {
                    string s => s,
                    System.Collections.IEnumerable many => many.Cast<object>().FirstOrDefault()?.ToString(),
                    var other => other.ToString(),
                };
            }
        }

        return null;
    }

    private static Currency Crypto(string code, params string[] networks) =>
        new() { Code = code, Kind = "crypto", Networks = networks.Select(n => new CurrencyNetwork { Code = n }).ToArray() };
}
