namespace XRocketPay.Client;

/// <summary>
/// Compact stand-ins for ids and row keys in the sets a long run keeps (8 or 16 bytes instead of a string):
/// FNV-1a over the UTF-16 text. <see cref="Of"/> (64 bits) where a collision is harmless, <see cref="Of128"/>
/// where it must practically never happen (a journal's set of paid rows).
/// </summary>
public static class CompactId
{
    public static ulong Of(string? text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text ?? "")
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    public static (ulong, ulong) Of128(string? text)
    {
        ulong a = 14695981039346656037UL, b = 0x9E3779B97F4A7C15UL;
        foreach (var c in text ?? "")
        {
            a = (a ^ c) * 1099511628211UL;
            b = (b ^ c) * 0x100000001B3UL;
            b ^= b >> 29;
        }

        return (a, b);
    }
}
