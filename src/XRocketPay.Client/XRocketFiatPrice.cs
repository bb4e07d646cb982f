namespace XRocketPay.Client;

/// <summary>
/// An invoice price given in fiat, turned into the asset the API is priced in (production refuses fiat
/// prices: docs/api/README.md). Computed by <see cref="XRocketClient.PriceInFiatAsync"/> from a rate read
/// for it alone.
/// </summary>
public sealed class XRocketFiatPrice
{
    internal XRocketFiatPrice(Rate rate, decimal fiatAmount, int decimals, DateTimeOffset readAt)
    {
        Fiat = rate.Base ?? "";
        FiatAmount = fiatAmount;
        Asset = rate.Asset;
        Rate = rate.Value;
        Decimals = decimals;
        RateReadAt = readAt;
        Amount = XRocketMoney.RoundUp(rate.AssetAmountFor(fiatAmount), decimals);

        // decimal division keeps 28 digits: make sure the rounding never charged a hair less than the fiat price.
        if (rate.BaseAmountFor(Amount) < fiatAmount)
        {
            Amount += Unit(decimals);
        }
    }

    public string Fiat { get; }
    public decimal FiatAmount { get; }
    public string Asset { get; }

    /// <summary>The price of 1 <see cref="Asset"/> in <see cref="Fiat"/> used.</summary>
    public decimal Rate { get; }

    /// <summary>The asset amount charged: <see cref="FiatAmount"/> / <see cref="Rate"/>, rounded up to <see cref="Decimals"/>.</summary>
    public decimal Amount { get; }

    /// <summary>The asset's precision (from the API's withdrawal quotas, else 9).</summary>
    public int Decimals { get; }

    public DateTimeOffset RateReadAt { get; }

    private static decimal Unit(int decimals)
    {
        var unit = 1m;
        for (var i = 0; i < decimals; i++)
        {
            unit /= 10m;
        }

        return unit;
    }

    public override string ToString() =>
        $"{XRocketMoney.Format(Amount)} {Asset} ({XRocketMoney.Format(FiatAmount)} {Fiat} at {XRocketMoney.Format(Rate)} {Fiat} per {Asset})";
}
