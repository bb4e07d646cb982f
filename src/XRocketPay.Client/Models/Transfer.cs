namespace XRocketPay.Client.Models;

/// <summary>A transfer's (payout's) status: decided inside the create, so finished or failed (SOURCES §4).</summary>
public static class TransferStatus
{
    public const string Finished = "finished";
    public const string Failed = "failed";

    /// <summary>Every status a transfer list may be filtered by.</summary>
    public static IReadOnlyList<string> Known { get; } = new[] { Finished, Failed };
}

public sealed class Transfer
{
    [JsonPropertyName(Fields.TransferId)] public string TransferId { get; init; } = "";
    [JsonPropertyName(Fields.ClientTransferId)] public string? ClientTransferId { get; init; }
    [JsonPropertyName(Fields.Target)] public string? Target { get; init; }
    [JsonPropertyName(Fields.TargetType)] public string? TargetType { get; init; }
    [JsonPropertyName(Fields.Asset)] public string? Asset { get; init; }
    [JsonPropertyName(Fields.Amount)] public decimal Amount { get; init; }
    [JsonPropertyName(Fields.Description)] public string? Description { get; init; }
    [JsonPropertyName(Fields.Status)] public string? Status { get; init; }
    [JsonPropertyName(Fields.Callback)] public Callback? Callback { get; init; }

    /// <summary>The Telegram user paid (the API's <c>target</c> when its type is a Telegram user id).</summary>
    [JsonIgnore] public string? TelegramUserId => TargetTypes.IsTelegramUser(TargetType) ? Target : null;

    public override string ToString() => $"Transfer {TransferId}";
}

public sealed class CreateTransferRequest
{
    [JsonPropertyName(Fields.Target)] public string Target { get; set; } = "";
    [JsonPropertyName(Fields.TargetType)] public string TargetType { get; set; } = TargetTypes.TelegramUserId;
    [JsonPropertyName(Fields.Asset)] public string Asset { get; set; } = "";
    [JsonPropertyName(Fields.Amount)] public decimal Amount { get; set; }

    /// <summary>Your id for this payout; generated once per call when empty, and reused on every retry.</summary>
    [JsonPropertyName(Fields.ClientTransferId)] public string? ClientTransferId { get; set; }
    [JsonPropertyName(Fields.Description)] public string? Description { get; set; }
    [JsonPropertyName(Fields.Callback)] public Callback? Callback { get; set; }
}

public sealed class MassTransferError
{
    [JsonPropertyName(Fields.Target)] public string? Target { get; init; }
    [JsonPropertyName(Fields.TargetType)] public string? TargetType { get; init; }
    [JsonPropertyName(Fields.Amount)] public string? Amount { get; init; }
    [JsonPropertyName(Fields.ClientTransferId)] public string? ClientTransferId { get; init; }
    [JsonPropertyName(Fields.Description)] public string? Description { get; init; }
    [JsonPropertyName(Fields.Reason)] public XRocketProblem? Reason { get; init; }
}
internal sealed class MassTransfersResponse
{
    [JsonPropertyName(Fields.SuccessTransfers)] public List<Transfer> SuccessTransfers { get; init; } = new();
    [JsonPropertyName(Fields.ErrorTransfers)] public List<MassTransferError> ErrorTransfers { get; init; } = new();
}

public sealed class MassTransferItem
{
    [JsonPropertyName(Fields.Target)] public string Target { get; set; } = "";
    [JsonPropertyName(Fields.TargetType)] public string TargetType { get; set; } = TargetTypes.TelegramUserId;
    [JsonPropertyName(Fields.Amount)] public decimal Amount { get; set; }
    [JsonPropertyName(Fields.ClientTransferId)] public string? ClientTransferId { get; set; }
    [JsonPropertyName(Fields.Description)] public string? Description { get; set; }
    [JsonPropertyName(Fields.Callback)] public Callback? Callback { get; set; }
}
internal sealed class CreateMassTransfersRequest
{
    [JsonPropertyName(Fields.Asset)] public string Asset { get; set; } = "";
    [JsonPropertyName(Fields.Transfers)] public List<MassTransferItem> Transfers { get; set; } = new();
}
