namespace XRocketPay.Client;

/// <summary>The source-generated JSON metadata of every wire type (no reflection, trimming-safe).</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = new[] { typeof(DecimalStringConverter) })]
[JsonSerializable(typeof(Health))]
[JsonSerializable(typeof(App))]
[JsonSerializable(typeof(BalanceList))]
[JsonSerializable(typeof(List<Currency>))]
[JsonSerializable(typeof(List<Rate>))]
[JsonSerializable(typeof(WithdrawalQuotas))]
[JsonSerializable(typeof(Invoice))]
[JsonSerializable(typeof(XRocketPage<Invoice>))]
[JsonSerializable(typeof(XRocketPage<InvoicePayment>))]
[JsonSerializable(typeof(InvoicePaymentAddress))]
[JsonSerializable(typeof(Cheque))]
[JsonSerializable(typeof(XRocketPage<Cheque>))]
[JsonSerializable(typeof(Transfer))]
[JsonSerializable(typeof(XRocketPage<Transfer>))]
[JsonSerializable(typeof(MassTransfersResponse))]
[JsonSerializable(typeof(Withdrawal))]
[JsonSerializable(typeof(XRocketPage<Withdrawal>))]
[JsonSerializable(typeof(Links))]
[JsonSerializable(typeof(XRocketProblem))]
[JsonSerializable(typeof(CreateTransferRequest))]
[JsonSerializable(typeof(CreateMassTransfersRequest))]
[JsonSerializable(typeof(CreateChequeRequest))]
[JsonSerializable(typeof(UpdateChequeRequest))]
[JsonSerializable(typeof(CreateInvoiceRequest))]
[JsonSerializable(typeof(TestPayInvoiceRequest))]
[JsonSerializable(typeof(InvoicePaymentAddressRequest))]
[JsonSerializable(typeof(CreateWithdrawalRequest))]
[JsonSerializable(typeof(CreateWithdrawalLinkRequest))]
[JsonSerializable(typeof(XRocketWebhookEnvelope))]
internal sealed partial class XRocketJsonContext : JsonSerializerContext
{
}
