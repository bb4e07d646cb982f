namespace XRocketPay.Client.Models;

public sealed class CurrencyNetwork
{
    [JsonPropertyName(Fields.Code)] public string Code { get; init; } = "";

    public override string ToString() => Code;
}
public sealed class Currency
{
    [JsonPropertyName(Fields.Code)] public string Code { get; init; } = "";
    [JsonPropertyName(Fields.Title)] public string? Title { get; init; }
    [JsonPropertyName(Fields.Kind)] public string? Kind { get; init; }
    [JsonPropertyName(Fields.Networks)] public IReadOnlyList<CurrencyNetwork> Networks { get; init; } = Array.Empty<CurrencyNetwork>();

    public override string ToString() => Code;
}
