using System.Text.RegularExpressions;

namespace XRocketPay.Sandbox;

/// <summary>The sandbox's fixed market data: currencies with networks, USD prices, withdrawal quotas, minimums.</summary>
internal static partial class Catalog
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

    /// <summary>A plausible address shape per network; real chains check more, the sandbox checks the shape.</summary>
    public static bool IsPlausibleAddress(string network, string address) => network switch
    {
        "TON" => TonFriendly().IsMatch(address) || TonRaw().IsMatch(address),
        "ETH" or "BSC" => Evm().IsMatch(address),
        "TRX" => Tron().IsMatch(address),
        "BTC" => BitcoinBech32().IsMatch(address) || BitcoinBase58().IsMatch(address),
        "SOL" => Solana().IsMatch(address),
        _ => false,
    };

    public static string TxLink(string network, string hash) => network switch
    {
        "TON" => "https://tonviewer.com/transaction/" + hash,
        "ETH" => "https://etherscan.io/tx/0x" + hash,
        "BSC" => "https://bscscan.com/tx/0x" + hash,
        "TRX" => "https://tronscan.org/#/transaction/" + hash,
        "BTC" => "https://mempool.space/tx/" + hash,
        _ => "https://solscan.io/tx/" + hash,
    };

    [GeneratedRegex("^[A-Za-z0-9_-]{48}$")] private static partial Regex TonFriendly();
    [GeneratedRegex("^-?[0-9]+:[0-9a-fA-F]{64}$")] private static partial Regex TonRaw();
    [GeneratedRegex("^0x[0-9a-fA-F]{40}$")] private static partial Regex Evm();
    [GeneratedRegex("^T[1-9A-HJ-NP-Za-km-z]{33}$")] private static partial Regex Tron();
    [GeneratedRegex("^bc1[02-9ac-hj-np-z]{11,71}$")] private static partial Regex BitcoinBech32();
    [GeneratedRegex("^[13][1-9A-HJ-NP-Za-km-z]{25,34}$")] private static partial Regex BitcoinBase58();
    [GeneratedRegex("^[1-9A-HJ-NP-Za-km-z]{32,44}$")] private static partial Regex Solana();
}
