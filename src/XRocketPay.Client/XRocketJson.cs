using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using XRocketPay.Client.Models;

namespace XRocketPay.Client;

/// <summary>
/// Money on the wire is a decimal string ("1.23"). Reading is lenient (any valid decimal, string or number:
/// zero balances, tiny rates); writing is invariant text, never a JSON number and never an exponent.
/// </summary>
internal sealed class DecimalStringConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetDecimal();
        }

        var text = reader.GetString();
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a decimal amount.");
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteStringValue(XRocketMoney.Format(value));
}

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
