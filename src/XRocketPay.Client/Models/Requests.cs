using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace XRocketPay.Client.Models;

// What callers send. Amounts are decimals here and decimal strings on the wire.

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

public sealed class CreateChequeRequest
{
    [JsonPropertyName(Fields.Asset)] public string Asset { get; set; } = "";
    [JsonPropertyName(Fields.Amount)] public decimal Amount { get; set; }
    [JsonPropertyName(Fields.ClientChequeId)] public string? ClientChequeId { get; set; }

    /// <summary>The recipient's secret; masked in every trace.</summary>
    [JsonPropertyName(Fields.Password)] public string? Password { get; set; }
    [JsonPropertyName(Fields.Description)] public string? Description { get; set; }
    [JsonPropertyName(Fields.Callback)] public Callback? Callback { get; set; }
    [JsonPropertyName(Fields.Url)] public RedirectUrls? Url { get; set; }
    [JsonPropertyName(Fields.TargetType)] public string? TargetType { get; set; }
    [JsonPropertyName(Fields.Target)] public string? Target { get; set; }

    public override string ToString() => $"Cheque {Amount} {Asset}";
}

internal sealed class UpdateChequeRequest
{
    [JsonPropertyName(Fields.Description)] public string Description { get; set; } = "";
}

public sealed class CreateInvoiceRequest
{
    [JsonPropertyName(Fields.PriceCurrency)] public string PriceCurrency { get; set; } = "";

    /// <summary>Null for an open-amount invoice.</summary>
    [JsonPropertyName(Fields.PriceAmount)] public decimal? PriceAmount { get; set; }
    [JsonPropertyName(Fields.MinPayment)] public decimal? MinPayment { get; set; }
    [JsonPropertyName(Fields.NumPayments)] public int? NumPayments { get; set; }
    [JsonPropertyName(Fields.PayoutCurrency)] public string? PayoutCurrency { get; set; }
    [JsonPropertyName(Fields.PayCurrencies)] public List<string>? PayCurrencies { get; set; }
    [JsonPropertyName(Fields.ClientInvoiceId)] public string? ClientInvoiceId { get; set; }
    [JsonPropertyName(Fields.Description)] public string? Description { get; set; }

    /// <summary>Milliseconds.</summary>
    [JsonPropertyName(Fields.ExpiresIn)] public long? ExpiresIn { get; set; }
    [JsonPropertyName(Fields.Callback)] public Callback? Callback { get; set; }
    [JsonPropertyName(Fields.Url)] public RedirectUrls? Url { get; set; }
    [JsonPropertyName(Fields.Customer)] public InvoiceCustomer? Customer { get; set; }
    [JsonPropertyName(Fields.IsFeePaidByUser)] public bool? IsFeePaidByUser { get; set; }
    [JsonPropertyName(Fields.Data)] public JsonElement? Data { get; set; }
    [JsonPropertyName(Fields.PlatformId)] public string? PlatformId { get; set; }
}

public sealed class TestPayInvoiceRequest
{
    [JsonPropertyName(Fields.PayCurrency)] public string? PayCurrency { get; set; }
    [JsonPropertyName(Fields.Amount)] public decimal? Amount { get; set; }
}

internal sealed class InvoicePaymentAddressRequest
{
    [JsonPropertyName(Fields.PayNetwork)] public string PayNetwork { get; set; } = "";
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

/// <summary>Filters of the list calls; null means no filter.</summary>
public sealed class ListFilter
{
    public System.DateTimeOffset? FromDate { get; set; }
    public System.DateTimeOffset? ToDate { get; set; }
    public string? Status { get; set; }
    public string? State { get; set; }
    public string? Asset { get; set; }
    public string? Fiat { get; set; }
    public IReadOnlyList<string>? Ids { get; set; }
    public string? Target { get; set; }
    public string? TargetType { get; set; }

    /// <summary>Page size asked of the API (1..1000).</summary>
    public int? PageSize { get; set; }
}
