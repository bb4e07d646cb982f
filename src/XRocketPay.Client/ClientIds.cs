using System.Security.Cryptography;

namespace XRocketPay.Client;

/// <summary>
/// Where every client id is made: the caller's own, a random <c>xrp-</c> id, or one derived from a batch id
/// and the row. Made once per logical call, before anything is confirmed or sent, and reused by every
/// retry, so the id is on the output and on every error.
/// </summary>
public sealed class ClientIds
{
    /// <summary>The API's limit on client ids.</summary>
    public const int MaxLength = 50;

    public const string RandomPrefix = "xrp-";
    public const string BatchPrefix = "b-";

    // Keyed by a 64-bit hash of the row (8 bytes, not the row's text): a collision only numbers a row's
    // occurrence differently, the same way on every run, so ids stay unique and stable.
    private readonly Dictionary<ulong, int> _occurrences = new();
    private readonly SHA256 _sha = SHA256.Create();

    /// <summary>Ids for the rows of one run; with a <paramref name="batchId"/>, re-running the same rows gives the same ids.</summary>
    public ClientIds(string? batchId = null) => BatchId = string.IsNullOrEmpty(batchId) ? null : batchId;

    public string? BatchId { get; }

    /// <summary>The occurrence the last derived id counted (1: the first such row; above 1: a duplicate row); 0 when not derived.</summary>
    public int LastOccurrence { get; private set; }

    /// <summary>A new random id: <c>xrp-</c> and 32 hex digits.</summary>
    public static string NewRandom() => RandomPrefix + Guid.NewGuid().ToString("N");

    /// <summary>The caller's id (trimmed) when given, else a new random one.</summary>
    public static string Resolve(string? given) => string.IsNullOrWhiteSpace(given) ? NewRandom() : given!.Trim();

    /// <summary>
    /// The id of one payout row: the row's own id when given (always honoured); with a batch id, one derived
    /// from batch + recipient + asset + amount + description + the row's occurrence among identical rows (two
    /// identical rows stay two payouts, and the same rows re-run give the same ids); else a random one.
    /// <paramref name="amountText"/> is <see cref="XRocketAmount.Text"/>: normalised when valid.
    /// </summary>
    public string ForRow(string? given, string target, string asset, string amountText, string? description)
    {
        LastOccurrence = 0;
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given!.Trim();
        }

        if (BatchId is null)
        {
            return NewRandom();
        }

        var key = string.Join("\u001f", BatchId, target, asset, amountText, description ?? "");
        var compact = CompactId.Of(key);
        lock (_occurrences)
        {
            _occurrences.TryGetValue(compact, out var seen);
            _occurrences[compact] = ++seen;
            LastOccurrence = seen;
            var hash = _sha.ComputeHash(Encoding.UTF8.GetBytes(key + "\u001f" + seen.ToString(CultureInfo.InvariantCulture)));
            return BatchPrefix + Hex(hash, 20);
        }
    }

    private static string Hex(byte[] bytes, int count)
    {
        const string digits = "0123456789abcdef";
        var chars = new char[count * 2];
        for (var i = 0; i < count; i++)
        {
            chars[2 * i] = digits[bytes[i] >> 4];
            chars[(2 * i) + 1] = digits[bytes[i] & 0xF];
        }

        return new string(chars);
    }
}
