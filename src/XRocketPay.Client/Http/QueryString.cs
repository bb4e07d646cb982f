namespace XRocketPay.Client;

/// <summary>Query strings: pairs with null values left out, object references, list filters, invariant dates.</summary>
internal static class QueryString
{
    internal static List<KeyValuePair<string, string?>> Of(params (string Key, string? Value)[] pairs) =>
        pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)).ToList();

    /// <summary>The object named by id or by client id, under the resource's two query names.</summary>
    internal static List<KeyValuePair<string, string?>> ByRef(XRocketRef reference, string idName, string clientIdName)
    {
        if (reference.Id is null && reference.ClientId is null)
        {
            throw new ArgumentException("Name the object by id or by client id.", nameof(reference));
        }

        return Of((idName, reference.Id), (clientIdName, reference.Id is null ? reference.ClientId : null));
    }

    /// <summary>Cursor, page size and (where the list has them) the date filters.</summary>
    internal static List<KeyValuePair<string, string?>> List(ListFilter? filter, string? cursor, bool withDates)
    {
        var query = Of((Routes.Query.Cursor, cursor), (Routes.Query.Limit, filter?.PageSize?.ToString(CultureInfo.InvariantCulture)));
        if (withDates)
        {
            query.Add(new(Routes.Query.FromDate, filter?.FromDate is { } from ? Invariant(from) : null));
            query.Add(new(Routes.Query.ToDate, filter?.ToDate is { } to ? Invariant(to) : null));
        }

        return query;
    }

    internal static Uri Build(Uri baseUri, string path, IReadOnlyList<KeyValuePair<string, string?>>? query)
    {
        var builder = new StringBuilder(path);
        var separator = '?';
        foreach (var pair in query ?? Array.Empty<KeyValuePair<string, string?>>())
        {
            if (pair.Value is null)
            {
                continue;
            }

            builder.Append(separator).Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(pair.Value));
            separator = '&';
        }

        return new Uri(baseUri, builder.ToString());
    }

    internal static string Invariant(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
