namespace XRocketPay.Client.Models;

/// <summary>
/// One rate of <c>GET /api/v1/rates</c>: <see cref="Value"/> is the price of 1 <see cref="Asset"/> in
/// <see cref="Base"/> ("84.5 RUB per USDT"; docs/api/README.md). Every conversion reads it here.
/// </summary>
public sealed class Rate
{
    [JsonPropertyName(Fields.Currency)] public string Currency { get; init; } = "";

    /// <summary>The price of 1 <see cref="Asset"/> in <see cref="Base"/>.</summary>
    [JsonPropertyName(Fields.Rate)] public decimal Value { get; init; }

    /// <summary>The asset rated: the module's one name for it (the API calls it <c>currency</c>).</summary>
    [JsonIgnore] public string Asset => Currency;

    /// <summary>The base currency asked for (not in the API body; filled by the client).</summary>
    [JsonIgnore] public string? Base { get; internal set; }

    /// <summary>What <see cref="Value"/> is, in words: "price of 1 TONCOIN in USD".</summary>
    [JsonIgnore] public string Meaning => $"price of 1 {Asset} in {Base}";

    /// <summary>How much of <see cref="Asset"/> is worth <paramref name="baseAmount"/> of <see cref="Base"/>, exactly (not rounded).</summary>
    public decimal AssetAmountFor(decimal baseAmount) =>
        Value > 0m ? baseAmount / Value : throw new InvalidOperationException($"The rate of {Asset} in {Base} is {Value}: no price can be computed from it.");

    /// <summary>What <paramref name="assetAmount"/> of <see cref="Asset"/> is worth in <see cref="Base"/>.</summary>
    public decimal BaseAmountFor(decimal assetAmount) => assetAmount * Value;

    public override string ToString() => $"1 {Asset} = {Value.ToString(CultureInfo.InvariantCulture)} {Base}";
}
