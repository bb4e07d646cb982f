using System.Text.Json;

namespace XRocketPay.Sandbox;

internal sealed class WithdrawalRecord : IListed
{
    public long Seq { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string WithdrawalId { get; set; } = "";
    public string ClientWithdrawalId { get; set; } = "";
    public string Network { get; set; } = "";
    public string Address { get; set; } = "";
    public string Asset { get; set; } = "";
    public decimal Amount { get; set; }
    public decimal Fee { get; set; }
    public string FeeAsset { get; set; } = "";
    public string Status { get; set; } = WithdrawalStates.Created;
    public string? Comment { get; set; }
    public string? TxHash { get; set; }
    public string? TxLink { get; set; }
    public JsonElement? Callback { get; set; }

    public object ToJson() => new
    {
        withdrawalId = WithdrawalId, clientWithdrawalId = ClientWithdrawalId, network = Network, address = Address,
        asset = Asset, amount = Money.Format(Amount), status = Status, comment = Comment, txHash = TxHash, txLink = TxLink,
        callback = Callback,
    };
}

internal static class WithdrawalStates
{
    public const string Created = "CREATED";
    public const string Completed = "COMPLETED";
    public const string Fail = "FAIL";
}
