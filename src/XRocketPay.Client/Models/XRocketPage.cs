namespace XRocketPay.Client.Models;

/// <summary>One page of a list: its items, the cursor of the next page (null at the end) and the total when given.</summary>
public sealed class XRocketPage<T>
{
    [JsonPropertyName(Fields.Items)] public IReadOnlyList<T> Items { get; init; } = Array.Empty<T>();
    [JsonPropertyName(Fields.Pagination)] public XRocketPagination? Pagination { get; init; }

    [JsonIgnore] public string? Next => Pagination?.Next;
}
public sealed class XRocketPagination
{
    [JsonPropertyName(Fields.Total)] public int? Total { get; init; }
    [JsonPropertyName(Fields.Next)] public string? Next { get; init; }
}
