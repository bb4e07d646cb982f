using System.Globalization;
using System.Text;

namespace XRocketPay.Sandbox;

/// <summary>Date filters and keyset paging for the list routes.</summary>
internal static class Paging
{
    /// <summary>The query names of a dated, paged list.</summary>
    public static readonly string[] DateQuery = { "fromDate", "toDate", "cursor", "limit" };

    public static bool Matches(string? filter, string? value) => filter is null || string.Equals(filter, value, StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<T> DateFilter<T>(HttpRequest r, IEnumerable<T> items) where T : IListed
    {
        var from = Date(r, "fromDate");
        var to = Date(r, "toDate");
        return items.Where(i => (from is null || i.CreatedAt >= from) && (to is null || i.CreatedAt <= to));
    }

    private static DateTimeOffset? Date(HttpRequest r, string name) =>
        ApiRoutes.Query(r, name) is not { } text ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date
        : throw Problem.Validation($"'{name}' must be an ISO 8601 date.");

    public static IResult Page<T>(HttpRequest r, IEnumerable<T> items, Func<T, object> map) where T : IListed =>
        Page(r, items, i => i.Seq, map, total: true);

    /// <summary>Keyset paging, newest first: a cursor names the last item seen, so inserts never shift a page.</summary>
    public static IResult Page<T>(HttpRequest r, IEnumerable<T> items, Func<T, long> seq, Func<T, object> map, bool total)
    {
        var limit = 100;
        if (ApiRoutes.Query(r, "limit") is { } limitText && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 1000))
        {
            throw Problem.Validation("'limit' must be a whole number from 1 to 1000.");
        }

        long? after = null;
        if (ApiRoutes.Query(r, "cursor") is { } cursor)
        {
            after = DecodeCursor(cursor) ?? throw Problem.Validation("'cursor' is not a cursor this API gave out.");
        }

        var ordered = items.OrderByDescending(seq).ToList();
        var page = ordered.Where(i => after is null || seq(i) < after).Take(limit + 1).ToList();
        var next = page.Count > limit ? EncodeCursor(seq(page[limit - 1])) : null;
        // Written out in full: the contract says next is null at the end, not absent.
        var pagination = new Dictionary<string, object?> { ["next"] = next };
        if (total)
        {
            pagination["total"] = ordered.Count;
        }

        return Json.Ok(new { items = page.Take(limit).Select(map).ToList(), pagination });
    }

    private static string EncodeCursor(long seq) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("seq:" + seq.ToString(CultureInfo.InvariantCulture))).TrimEnd('=');

    private static long? DecodeCursor(string cursor)
    {
        try
        {
            var padded = cursor + new string('=', (4 - cursor.Length % 4) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            return text.StartsWith("seq:", StringComparison.Ordinal) && long.TryParse(text[4..], NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
