namespace XRocketPay.Client.Models;

public sealed class Rate
{
    [JsonPropertyName(Fields.Currency)] public string Currency { get; init; } = "";
    [JsonPropertyName(Fields.Rate)] public decimal Value { get; init; }

    /// <summary>The base currency asked for (not in the API body; filled by the client).</summary>
    [JsonIgnore] public string? Base { get; internal set; }
}
