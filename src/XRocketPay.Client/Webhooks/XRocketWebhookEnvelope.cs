namespace XRocketPay.Client;

/// <summary>The v1 envelope of a webhook delivery. Deduplicate on <see cref="Id"/>: it is stable across redeliveries.</summary>
public sealed class XRocketWebhookEnvelope
{
    [JsonPropertyName(Fields.Id)] public string? Id { get; init; }
    [JsonPropertyName(Fields.Timestamp)] public string? Timestamp { get; init; }
    [JsonPropertyName(Fields.Type)] public string? Type { get; init; }
    [JsonPropertyName(Fields.Data)] public JsonElement Data { get; init; }

    /// <summary>For <c>invoice</c> events.</summary>
    public Invoice? Invoice => Type == XRocketWebhookEventTypes.Invoice && Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(Fields.Invoice, out var invoice)
        ? invoice.Deserialize(XRocketJsonContext.Default.Invoice) : null;

    public string? Event => Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(Fields.Event, out var e) ? e.GetString() : null;

    public Cheque? Cheque => Type == XRocketWebhookEventTypes.Cheque && Data.ValueKind == JsonValueKind.Object ? Data.Deserialize(XRocketJsonContext.Default.Cheque) : null;

    /// <summary>For <c>invoice</c> events that carry the payment that changed the invoice.</summary>
    public InvoicePayment? Payment => Type == XRocketWebhookEventTypes.Invoice && Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(Fields.Payment, out var payment) && payment.ValueKind == JsonValueKind.Object
        ? payment.Deserialize(XRocketJsonContext.Default.InvoicePayment) : null;

    /// <summary>For <c>payout</c> (and <c>transfer</c>) events: a transfer, whichever dialect named its ids.</summary>
    public Transfer? Transfer => XRocketWebhookEventTypes.IsTransfer(Type) && Data.ValueKind == JsonValueKind.Object ? ReadTransfer(Data) : null;

    /// <summary>Either dialect's spelling (<c>payoutId</c> or <c>transferId</c>), renamed by the route table's one renaming.</summary>
    private static Transfer? ReadTransfer(JsonElement data) =>
        JsonSerializer.Deserialize(Routes.TransferFamily.Payouts.FromWire.Apply(data.GetRawText()), XRocketJsonContext.Default.Transfer);

    public Withdrawal? Withdrawal => Type == XRocketWebhookEventTypes.Withdrawal && Data.ValueKind == JsonValueKind.Object ? Data.Deserialize(XRocketJsonContext.Default.Withdrawal) : null;

    /// <summary>
    /// Reads every typed field once, so a signed body of a shape this module cannot read (<c>"event": 5</c>, a
    /// numeric invoice id, an amount <c>"abc"</c>) is refused here, as a <see cref="FormatException"/>, and
    /// never later where it is used.
    /// </summary>
    internal void CheckShape()
    {
        try
        {
            _ = Event;
            _ = Invoice;
            _ = Payment;
            _ = Cheque;
            _ = Transfer;
            _ = Withdrawal;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or OverflowException or ArgumentException or NotSupportedException)
        {
            throw new FormatException($"The {Type} event {Id} has a shape this module does not read: {ex.Message}", ex);
        }
    }
}
