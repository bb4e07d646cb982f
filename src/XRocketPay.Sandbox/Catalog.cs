namespace XRocketPay.Sandbox;

/// <summary>The sandbox's fixed market data: currencies with networks, USD prices, withdrawal quotas, minimums.</summary>
internal static class Catalog
{
    public const decimal MinimumTransferAmount = 0.000001m;

    public sealed record CurrencyInfo(string Code, string Title, string Kind, string[] Networks, decimal UsdPrice);

    public sealed record Quota(decimal MinSize, decimal Fee, string FeeAsset, int Precision);

    public static readonly IReadOnlyList<CurrencyInfo> Currencies = new[]
    {
        new CurrencyInfo("TONCOIN", "Toncoin", "crypto", new[] { "TON" }, 5.2m),
        new CurrencyInfo("USDT", "Tether USD", "crypto", new[] { "TON", "TRX", "ETH", "BSC" }, 1m),
        new CurrencyInfo("BTC", "Bitcoin", "crypto", new[] { "BTC" }, 65_000m),
        new CurrencyInfo("ETH", "Ethereum", "crypto", new[] { "ETH" }, 3_200m),
        new CurrencyInfo("TRX", "TRON", "crypto", new[] { "TRX" }, 0.12m),
        new CurrencyInfo("SOL", "Solana", "crypto", new[] { "SOL" }, 150m),
        new CurrencyInfo("BNB", "BNB", "crypto", new[] { "BSC" }, 580m),
        new CurrencyInfo("NOT", "Notcoin", "crypto", new[] { "TON" }, 0.008m),
        new CurrencyInfo("USD", "US Dollar", "fiat", System.Array.Empty<string>(), 1m),
        new CurrencyInfo("EUR", "Euro", "fiat", System.Array.Empty<string>(), 1.08m),
    };

    public static readonly IReadOnlyDictionary<(string Network, string Asset), Quota> Quotas = new Dictionary<(string, string), Quota>
    {
        [("TON", "TONCOIN")] = new(0.1m, 0.05m, "TONCOIN", 9),
        [("TON", "USDT")] = new(1m, 0.3m, "USDT", 6),
        [("TON", "NOT")] = new(10m, 5m, "NOT", 9),
        [("TRX", "USDT")] = new(5m, 1m, "USDT", 6),
        [("TRX", "TRX")] = new(5m, 1m, "TRX", 6),
        [("ETH", "ETH")] = new(0.005m, 0.001m, "ETH", 9),
        [("ETH", "USDT")] = new(10m, 3m, "USDT", 6),
        [("BSC", "BNB")] = new(0.01m, 0.0005m, "BNB", 9),
        [("BSC", "USDT")] = new(5m, 0.3m, "USDT", 6),
        [("BTC", "BTC")] = new(0.0005m, 0.0001m, "BTC", 8),
        [("SOL", "SOL")] = new(0.05m, 0.001m, "SOL", 9),
    };

    public static readonly IReadOnlyList<string> Networks = new[] { "TON", "BSC", "ETH", "BTC", "TRX", "SOL" };

    public static CurrencyInfo? Find(string? code) => Currencies.FirstOrDefault(c => c.Code == code);

    public static CurrencyInfo Crypto(string? asset, string field = "asset") =>
        Find(asset) is { Kind: "crypto" } currency
            ? currency
            : throw Problem.Validation($"'{field}' must be a supported crypto currency code (for example TONCOIN, USDT); got '{asset}'.");

    public static Quota QuotaFor(string network, string asset)
    {
        if (!Networks.Contains(network))
        {
            throw Problem.Validation($"'network' must be one of {string.Join(", ", Networks)}; got '{network}'.");
        }

        Crypto(asset);
        return Quotas.TryGetValue((network, asset), out var quota)
            ? quota
            : throw Problem.Business("withdrawal_asset_not_allowed", "Asset not allowed", $"{asset} cannot be withdrawn over {network}.");
    }
}
