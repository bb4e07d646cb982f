namespace XRocketPay.Client.Models;

public sealed class WithdrawalQuotas
{
    [JsonPropertyName(Fields.WithdrawMinSize)] public decimal WithdrawMinSize { get; init; }
    [JsonPropertyName(Fields.WithdrawFee)] public decimal WithdrawFee { get; init; }
    [JsonPropertyName(Fields.WithdrawFeeAsset)] public string? WithdrawFeeAsset { get; init; }
    [JsonPropertyName(Fields.Precision)] public int? Precision { get; init; }

    [JsonIgnore] public string? Network { get; internal set; }
    [JsonIgnore] public string? Asset { get; internal set; }
}

public static class WithdrawalStatus
{
    public const string Created = "CREATED";
    public const string Completed = "COMPLETED";
    public const string Fail = "FAIL";

    /// <summary>Every known value (SOURCES §4, §5.23): the module's typo warnings and completion both read this list.</summary>
    public static IReadOnlyList<string> Known { get; } = new[] { Created, Completed, Fail };

    /// <summary>Only COMPLETED and FAIL are final; any other value, known or not, is still in progress.</summary>
    public static bool IsFinal(string? status) => status == Completed || status == Fail;
}
public sealed class Withdrawal
{
    [JsonPropertyName(Fields.WithdrawalId)] public string WithdrawalId { get; init; } = "";
    [JsonPropertyName(Fields.ClientWithdrawalId)] public string? ClientWithdrawalId { get; set; }
    [JsonPropertyName(Fields.Network)] public string? Network { get; init; }
    [JsonPropertyName(Fields.Address)] public string? Address { get; init; }
    [JsonPropertyName(Fields.Asset)] public string? Asset { get; init; }
    [JsonPropertyName(Fields.Amount)] public decimal Amount { get; init; }
    [JsonPropertyName(Fields.Status)] public string? Status { get; init; }
    [JsonPropertyName(Fields.Comment)] public string? Comment { get; init; }
    [JsonPropertyName(Fields.TxHash)] public string? TxHash { get; init; }
    [JsonPropertyName(Fields.TxLink)] public string? TxLink { get; init; }
    [JsonPropertyName(Fields.Callback)] public Callback? Callback { get; init; }

    [JsonIgnore] public bool IsFinal => WithdrawalStatus.IsFinal(Status);

    public override string ToString() => $"Withdrawal {WithdrawalId} {Status}";
}

public sealed class CreateWithdrawalRequest
{
    /// <summary>Required by the API (at most 50 characters); generated once per call when empty.</summary>
    [JsonPropertyName(Fields.ClientWithdrawalId)] public string? ClientWithdrawalId { get; set; }
    [JsonPropertyName(Fields.Network)] public string Network { get; set; } = "";
    [JsonPropertyName(Fields.Address)] public string Address { get; set; } = "";
    [JsonPropertyName(Fields.Asset)] public string Asset { get; set; } = "";
    [JsonPropertyName(Fields.Amount)] public decimal Amount { get; set; }
    [JsonPropertyName(Fields.Comment)] public string? Comment { get; set; }
    [JsonPropertyName(Fields.Callback)] public Callback? Callback { get; set; }
}
public sealed class CreateWithdrawalLinkRequest
{
    [JsonPropertyName(Fields.Network)] public string Network { get; set; } = "";
    [JsonPropertyName(Fields.Address)] public string Address { get; set; } = "";
    [JsonPropertyName(Fields.Asset)] public string Asset { get; set; } = "";
    [JsonPropertyName(Fields.Amount)] public decimal Amount { get; set; }
    [JsonPropertyName(Fields.Comment)] public string? Comment { get; set; }
    [JsonPropertyName(Fields.Platform)] public string? Platform { get; set; }
}
