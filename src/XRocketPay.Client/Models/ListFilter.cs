namespace XRocketPay.Client.Models;


/// <summary>Filters of the list calls; null means no filter.</summary>
public sealed class ListFilter
{
    public System.DateTimeOffset? FromDate { get; set; }
    public System.DateTimeOffset? ToDate { get; set; }
    public string? Status { get; set; }
    public string? State { get; set; }
    public string? Asset { get; set; }
    public string? Fiat { get; set; }
    public IReadOnlyList<string>? Ids { get; set; }
    public string? Target { get; set; }
    public string? TargetType { get; set; }

    /// <summary>Page size asked of the API (1..1000).</summary>
    public int? PageSize { get; set; }
}
