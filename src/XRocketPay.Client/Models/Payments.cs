using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace XRocketPay.Client.Models;

/// <summary>Status values are open-ended strings: these are the known ones. Compare exactly; expect others.</summary>
public static class InvoiceStatus
{
    public const string Active = "active";
    public const string Paid = "paid";
    public const string Expired = "expired";
    public const string Cancelled = "cancelled";
}

public static class ChequeState
{
    public const string Active = "active";
    public const string Completed = "completed";
}

public static class WithdrawalStatus
{
    public const string Created = "CREATED";
    public const string Completed = "COMPLETED";
    public const string Fail = "FAIL";

    /// <summary>Only COMPLETED and FAIL are final; any other value, known or not, is still in progress.</summary>
    public static bool IsFinal(string? status) => status == Completed || status == Fail;
}

public static class TargetTypes
{
    public const string TelegramUserId = "telegram_user_id";
}

public sealed class InvoiceCustomer
{
    [JsonPropertyName(Fields.Id)] public string? Id { get; init; }
    [JsonPropertyName(Fields.Email)] public string? Email { get; init; }
    [JsonPropertyName(Fields.TelegramId)] public string? TelegramId { get; init; }
    [JsonPropertyName(Fields.TelegramUsername)] public string? TelegramUsername { get; init; }
}

public sealed class Invoice
{
    [JsonPropertyName(Fields.Id)] public string Id { get; init; } = "";
    [JsonPropertyName(Fields.ClientInvoiceId)] public string? ClientInvoiceId { get; init; }
    [JsonPropertyName(Fields.PriceAmount)] public decimal? PriceAmount { get; init; }
    [JsonPropertyName(Fields.MinPayment)] public decimal? MinPayment { get; init; }
    [JsonPropertyName(Fields.PriceCurrency)] public string? PriceCurrency { get; init; }
    [JsonPropertyName(Fields.PayCurrencies)] public IReadOnlyList<string>? PayCurrencies { get; init; }
    [JsonPropertyName(Fields.NumPayments)] public int? NumPayments { get; init; }
    [JsonPropertyName(Fields.Description)] public string? Description { get; init; }
    [JsonPropertyName(Fields.ExpiresIn)] public long? ExpiresIn { get; init; }
    [JsonPropertyName(Fields.CreatedAt)] public DateTimeOffset? CreatedAt { get; init; }
    [JsonPropertyName(Fields.ExpiresAt)] public DateTimeOffset? ExpiresAt { get; init; }
    [JsonPropertyName(Fields.Status)] public string? Status { get; init; }
    [JsonPropertyName(Fields.Callback)] public Callback? Callback { get; init; }
    [JsonPropertyName(Fields.Url)] public RedirectUrls? Url { get; init; }
    [JsonPropertyName(Fields.Customer)] public InvoiceCustomer? Customer { get; init; }
    [JsonPropertyName(Fields.Links)] public Links? Links { get; init; }

    public override string ToString() => $"Invoice {Id} {Status}";
}

public sealed class PaymentPayer
{
    [JsonPropertyName(Fields.Email)] public string? Email { get; init; }
    [JsonPropertyName(Fields.TelegramId)] public string? TelegramId { get; init; }
    [JsonPropertyName(Fields.TelegramUsername)] public string? TelegramUsername { get; init; }
}

public sealed class BlockchainTx
{
    [JsonPropertyName(Fields.Network)] public string? Network { get; init; }
    [JsonPropertyName(Fields.TxHash)] public string? TxHash { get; init; }
    [JsonPropertyName(Fields.Amount)] public decimal? Amount { get; init; }
    [JsonPropertyName(Fields.Currency)] public string? Currency { get; init; }
    [JsonPropertyName(Fields.Status)] public string? Status { get; init; }
}

public sealed class InvoicePaymentTransaction
{
    [JsonPropertyName(Fields.Id)] public string? Id { get; init; }
    [JsonPropertyName(Fields.Status)] public string? Status { get; init; }
    [JsonPropertyName(Fields.PayAmount)] public decimal? PayAmount { get; init; }
    [JsonPropertyName(Fields.PayCurrency)] public string? PayCurrency { get; init; }
    [JsonPropertyName(Fields.ReceiveAmount)] public decimal? ReceiveAmount { get; init; }
    [JsonPropertyName(Fields.ReceiveCurrency)] public string? ReceiveCurrency { get; init; }
    [JsonPropertyName(Fields.Comment)] public string? Comment { get; init; }
    [JsonPropertyName(Fields.Payer)] public PaymentPayer? Payer { get; init; }
    [JsonPropertyName(Fields.CreatedAt)] public DateTimeOffset? CreatedAt { get; init; }
    [JsonPropertyName(Fields.FinalizedAt)] public DateTimeOffset? FinalizedAt { get; init; }
    [JsonPropertyName(Fields.Type)] public string? Type { get; init; }
    [JsonPropertyName(Fields.Tx)] public BlockchainTx? Tx { get; init; }
}

public sealed class InvoicePayment
{
    [JsonPropertyName(Fields.Id)] public string Id { get; init; } = "";
    [JsonPropertyName(Fields.Status)] public string? Status { get; init; }
    [JsonPropertyName(Fields.FinalizedAt)] public DateTimeOffset? FinalizedAt { get; init; }
    [JsonPropertyName(Fields.PayAmount)] public decimal? PayAmount { get; init; }
    [JsonPropertyName(Fields.PayCurrency)] public string? PayCurrency { get; init; }
    [JsonPropertyName(Fields.ReceiveAmount)] public decimal? ReceiveAmount { get; init; }
    [JsonPropertyName(Fields.ReceiveCurrency)] public string? ReceiveCurrency { get; init; }
    [JsonPropertyName(Fields.Transactions)] public IReadOnlyList<InvoicePaymentTransaction>? Transactions { get; init; }

    /// <summary>The invoice this payment belongs to (filled by the client).</summary>
    [JsonIgnore] public string? InvoiceId { get; internal set; }
}

public sealed class InvoicePaymentAddress
{
    [JsonPropertyName(Fields.Address)] public string? Address { get; init; }
    [JsonPropertyName(Fields.PayCurrency)] public string? PayCurrency { get; init; }
    [JsonPropertyName(Fields.PayNetwork)] public string? PayNetwork { get; init; }
    [JsonPropertyName(Fields.ExpiresAt)] public DateTimeOffset? ExpiresAt { get; init; }
    [JsonPropertyName(Fields.MinAmount)] public decimal? MinAmount { get; init; }
}

public sealed class Cheque
{
    [JsonPropertyName(Fields.ChequeId)] public string ChequeId { get; init; } = "";
    [JsonPropertyName(Fields.ClientChequeId)] public string? ClientChequeId { get; init; }
    [JsonPropertyName(Fields.Asset)] public string? Asset { get; init; }
    [JsonPropertyName(Fields.Amount)] public decimal? Amount { get; init; }
    [JsonPropertyName(Fields.Description)] public string? Description { get; init; }
    [JsonPropertyName(Fields.TargetType)] public string? TargetType { get; init; }
    [JsonPropertyName(Fields.Target)] public string? Target { get; init; }
    [JsonPropertyName(Fields.Links)] public Links? Links { get; init; }
    [JsonPropertyName(Fields.State)] public string? State { get; init; }
    [JsonPropertyName(Fields.Deleted)] public bool? Deleted { get; init; }
    [JsonPropertyName(Fields.Callback)] public Callback? Callback { get; init; }
    [JsonPropertyName(Fields.Url)] public RedirectUrls? Url { get; init; }

    public override string ToString() => $"Cheque {ChequeId} {State}";
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

    public override string ToString() => $"Transfer {TransferId}";
}

public sealed class XRocketProblem
{
    [JsonPropertyName(Fields.Type)] public string? Type { get; init; }
    [JsonPropertyName(Fields.Title)] public string? Title { get; init; }
    [JsonPropertyName(Fields.Status)] public int? Status { get; init; }
    [JsonPropertyName(Fields.Detail)] public string? Detail { get; init; }
    [JsonPropertyName(Fields.Instance)] public string? Instance { get; init; }
    [JsonPropertyName(Fields.Kind)] public string? Kind { get; init; }
    [JsonPropertyName(Fields.Info)] public JsonElement? Info { get; init; }

    /// <summary>The stable code: the last segment of <see cref="Type"/>, such as <c>amount_more_than_app_balance</c>.</summary>
    [JsonIgnore] public string Code => Type is { Length: > 0 } t ? t.Substring(t.LastIndexOf('/') + 1) : "unknown_problem";
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

public sealed class Withdrawal
{
    [JsonPropertyName(Fields.WithdrawalId)] public string WithdrawalId { get; init; } = "";
    [JsonPropertyName(Fields.ClientWithdrawalId)] public string? ClientWithdrawalId { get; init; }
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
