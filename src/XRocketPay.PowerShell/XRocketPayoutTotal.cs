namespace XRocketPay.PowerShell;

/// <summary>One asset's total in a payout preflight.</summary>
public sealed class XRocketPayoutTotal
{
    internal XRocketPayoutTotal(string asset, decimal amount, int rows, decimal? available)
    {
        Asset = asset;
        Amount = amount;
        Rows = rows;
        Available = available;
    }

    public string Asset { get; }
    public decimal Amount { get; }
    public int Rows { get; }
    public decimal? Available { get; }

    public override string ToString() => $"{XRocketMoney.Format(Amount)} {Asset} in {Rows} row(s)";
}
