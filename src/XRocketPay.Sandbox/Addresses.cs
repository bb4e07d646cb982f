using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace XRocketPay.Sandbox;

/// <summary>
/// Every address rule of the sandbox in one place: the shape a network's address must have, a made-up
/// deposit address, and a transaction link. Real chains check more; the sandbox checks the shape.
/// </summary>
internal static partial class Addresses
{
    /// <summary>A plausible address shape per network; real chains check more, the sandbox checks the shape.</summary>
    public static bool IsPlausible(string network, string address) => network switch
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

    /// <summary>A deposit address of the right shape for the network (never a real one).</summary>
    public static string Fake(string network) => network switch
    {
        "TON" => "UQ" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(34)).Replace('+', '-').Replace('/', '_')[..46],
        "ETH" or "BSC" => "0x" + Convert.ToHexString(RandomNumberGenerator.GetBytes(20)).ToLowerInvariant(),
        "TRX" => "T" + new string(Enumerable.Range(0, 33).Select(_ => "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"[RandomNumberGenerator.GetInt32(58)]).ToArray()),
        "BTC" => "bc1q" + Convert.ToHexString(RandomNumberGenerator.GetBytes(19)).ToLowerInvariant().Replace('b', 'c').Replace('i', 'j').Replace('o', 'p')[..38],
        _ => new string(Enumerable.Range(0, 44).Select(_ => "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"[RandomNumberGenerator.GetInt32(58)]).ToArray()),
    };
}
