using System.Security.Cryptography;

namespace XRocketPay.Client;

/// <summary>
/// Where every client id is made: the caller's own, a random <c>xrp-</c> id, or one derived from a batch id
/// and the row's key (<see cref="ForRow"/>). Made once per logical call, before anything is confirmed or sent, and reused by
/// every retry, so the id is on the output and on every error.
/// </summary>
public sealed class ClientIds
{
    /// <summary>The API's limit on client ids.</summary>
    public const int MaxLength = 50;

    public const string RandomPrefix = "xrp-";
    public const string BatchPrefix = "b-";

    /// <summary>At most this many characters of the batch id are shown at the front of its ids.</summary>
    public const int MaxLabelLength = 16;

    private const int BatchHashDigits = 8;
    private const int RowHashDigits = 20;

    // Keyed by a 64-bit hash of the row key (8 bytes, not its text): a collision only numbers an occurrence
    // differently, the same way on every run, so ids stay unique and stable.
    private readonly Dictionary<ulong, int> _occurrences = new();
    private readonly SHA256 _sha = SHA256.Create();

    /// <summary>Ids for the rows of one run; with a <paramref name="batchId"/>, re-running the same rows gives the same ids.</summary>
    public ClientIds(string? batchId = null)
    {
        BatchId = string.IsNullOrEmpty(batchId) ? null : batchId;
        _batchPrefix = BatchId is null ? null : PrefixOf(BatchId);
    }

    private readonly string? _batchPrefix;

    public string? BatchId { get; }

    /// <summary>A new random id: <c>xrp-</c> and 32 hex digits.</summary>
    public static string NewRandom() => RandomPrefix + Guid.NewGuid().ToString("N");

    /// <summary>Whether <paramref name="id"/> has the form of <see cref="NewRandom"/>: an id no earlier run can have used.</summary>
    public static bool IsRandom(string id) => id.Length == RandomPrefix.Length + 32 && id.StartsWith(RandomPrefix, StringComparison.Ordinal);

    /// <summary>The caller's id (trimmed) when given, else a new random one.</summary>
    public static string Resolve(string? given) => string.IsNullOrWhiteSpace(given) ? NewRandom() : given!.Trim();

    /// <summary>
    /// What every id derived from <paramref name="batchId"/> starts with: <c>b-</c>, the batch id as a person
    /// reads it (letters, digits, '.', '_' and '-'; others as '_'; at most <see cref="MaxLabelLength"/>), and 8
    /// hex digits of the whole batch id, so two batches that read alike still have prefixes of their own.
    /// </summary>
    public static string PrefixOf(string batchId)
    {
        var label = new StringBuilder();
        foreach (var c in batchId.Trim())
        {
            if (label.Length == MaxLabelLength)
            {
                break;
            }

            label.Append(c < 128 && (char.IsLetterOrDigit(c) || c is '.' or '_' or '-') ? c : '_');
        }

        using var sha = SHA256.Create();
        return BatchPrefix + label + "-" + Hex(sha.ComputeHash(Encoding.UTF8.GetBytes(batchId)), BatchHashDigits) + "-";
    }

    /// <summary>
    /// The id of one payout row: the row's own client id when given (always honoured); with a batch id, one
    /// derived from the batch and the row's key, the part of the row a correction does not touch: its own
    /// reference (<paramref name="rowKey"/>, from a <c>Reference</c> or <c>Id</c> column) when it has one, else
    /// its description and which of the rows with that description it is (first, second, …). The recipient,
    /// asset and amount are never part of it, so correcting them keeps every row's id where it was: a corrected
    /// row that was refused is paid under its own id, a corrected row that was paid is a conflict naming both
    /// versions, and no other row's id moves (issue 28). Else a random id.
    /// </summary>
    public string ForRow(string? given, string? rowKey, string? description)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given!.Trim();
        }

        if (_batchPrefix is null)
        {
            return NewRandom();
        }

        // The two kinds of key are told apart, so a reference never meets a description of the same text.
        var key = string.IsNullOrWhiteSpace(rowKey)
            ? string.Join("\u001f", BatchId, "description", description ?? "")
            : string.Join("\u001f", BatchId, "reference", rowKey!.Trim());
        lock (_occurrences)
        {
            var compact = CompactId.Of(key);
            _occurrences.TryGetValue(compact, out var seen);
            _occurrences[compact] = ++seen;
            var hash = _sha.ComputeHash(Encoding.UTF8.GetBytes(key + "\u001f" + seen.ToString(CultureInfo.InvariantCulture)));
            return _batchPrefix + Hex(hash, RowHashDigits);
        }
    }

    private static string Hex(byte[] bytes, int digits)
    {
        const string alphabet = "0123456789abcdef";
        var chars = new char[digits];
        for (var i = 0; i < digits; i++)
        {
            var b = bytes[i / 2];
            chars[i] = alphabet[i % 2 == 0 ? b >> 4 : b & 0xF];
        }

        return new string(chars);
    }
}
