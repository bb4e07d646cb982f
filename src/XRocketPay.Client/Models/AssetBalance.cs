namespace XRocketPay.Client.Models;

public sealed class AssetBalance
{
    [JsonPropertyName(Fields.Asset)] public string Asset { get; init; } = "";
    [JsonPropertyName(Fields.Balance)] public decimal Balance { get; init; }
    [JsonPropertyName(Fields.Available)] public decimal Available { get; init; }
    [JsonPropertyName(Fields.Holds)] public decimal Holds { get; init; }

    public override string ToString() => $"{XRocketMoney.Format(Balance)} {Asset}";
}
internal sealed class BalanceList
{
    [JsonPropertyName(Fields.Balances)] public List<AssetBalance> Balances { get; init; } = new();
}
