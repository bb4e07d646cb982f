namespace XRocketPay.Client;

/// <summary>The one paging loop: the client's list enumerators and the module's list cmdlets both use it.</summary>
public static class XRocketPaging
{
    /// <summary>
    /// The items of a paged list, fetched page by page as the caller reads (nothing buffered): the first
    /// <paramref name="skip"/> items left out, then at most <paramref name="take"/>.
    /// <paramref name="onFirstPage"/> sees the first page before any item (for its total count).
    /// </summary>
    public static IEnumerable<T> Items<T>(Func<string?, XRocketPage<T>> fetchPage, ulong skip = 0, ulong? take = null, Action<XRocketPage<T>>? onFirstPage = null)
    {
        ulong skipped = 0, taken = 0;
        string? cursor = null;
        var first = true;
        do
        {
            var page = fetchPage(cursor);
            if (first)
            {
                first = false;
                onFirstPage?.Invoke(page);
            }

            foreach (var item in page.Items)
            {
                if (skipped < skip)
                {
                    skipped++;
                    continue;
                }

                if (take is { } max && taken >= max)
                {
                    yield break;
                }

                taken++;
                yield return item;
            }

            cursor = page.Next;
        }
        while (!string.IsNullOrEmpty(cursor) && (take is null || taken < take));
    }
}
