namespace XRocketPay.Client.Models;

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

public sealed class TestPayInvoiceRequest
{
    [JsonPropertyName(Fields.PayCurrency)] public string? PayCurrency { get; set; }
    [JsonPropertyName(Fields.Amount)] public decimal? Amount { get; set; }
}
internal sealed class InvoicePaymentAddressRequest
{
    [JsonPropertyName(Fields.PayNetwork)] public string PayNetwork { get; set; } = "";
}
