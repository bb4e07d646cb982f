namespace XRocketPay.PowerShell;

/// <summary>One row where a payout journal and the API's transfer list disagree.</summary>
public sealed class XRocketJournalDifference
{
    internal XRocketJournalDifference(string kind, string clientTransferId, string asset, decimal amount, string? apiAsset, decimal? apiAmount, string? transferId)
    {
        Kind = kind;
        ClientTransferId = clientTransferId;
        Asset = asset;
        Amount = amount;
        ApiAsset = apiAsset;
        ApiAmount = apiAmount;
        TransferId = transferId;
    }

    /// <summary>Missing (paid per the journal, not in the API), DifferentAmount, or PaidWithoutOutcome.</summary>
    public string Kind { get; }
    public string ClientTransferId { get; }
    public string Asset { get; }
    public decimal Amount { get; }
    public string? ApiAsset { get; }
    public decimal? ApiAmount { get; }
    public string? TransferId { get; }

    public override string ToString() => $"{Kind} {ClientTransferId}";
}
