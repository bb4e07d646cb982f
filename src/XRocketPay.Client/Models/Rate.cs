namespace XRocketPay.Client.Models;

public sealed class Rate
{
    [JsonPropertyName(Fields.Currency)] public string Currency { get; init; } = "";
    [JsonPropertyName(Fields.Rate)] public decimal Value { get; init; }

    /// <summary>The asset rated: the module's one name for it (the API calls it <c>currency</c>).</summary>
    [JsonIgnore] public string Asset => Currency;

    /// <summary>The base currency asked for (not in the API body; filled by the client).</summary>
    [JsonIgnore] public string? Base { get; internal set; }
}
