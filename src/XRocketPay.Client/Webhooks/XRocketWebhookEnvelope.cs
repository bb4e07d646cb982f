namespace XRocketPay.Client;

/// <summary>The v1 envelope of a webhook delivery. Deduplicate on <see cref="Id"/>: it is stable across redeliveries.</summary>
public sealed class XRocketWebhookEnvelope
{
    [JsonPropertyName(Fields.Id)] public string? Id { get; init; }
    [JsonPropertyName(Fields.Timestamp)] public string? Timestamp { get; init; }
    [JsonPropertyName(Fields.Type)] public string? Type { get; init; }
    [JsonPropertyName(Fields.Data)] public JsonElement Data { get; init; }

    /// <summary>For <c>invoice</c> events.</summary>
    public Invoice? Invoice => Type == "invoice" && Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(Fields.Invoice, out var invoice)
        ? invoice.Deserialize(XRocketJsonContext.Default.Invoice) : null;

    public string? Event => Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(Fields.Event, out var e) ? e.GetString() : null;

    public Cheque? Cheque => Type == "cheque" && Data.ValueKind == JsonValueKind.Object ? Data.Deserialize(XRocketJsonContext.Default.Cheque) : null;

    /// <summary>For <c>invoice</c> events that carry the payment that changed the invoice.</summary>
    public InvoicePayment? Payment => Type == "invoice" && Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(Fields.Payment, out var payment) && payment.ValueKind == JsonValueKind.Object
        ? payment.Deserialize(XRocketJsonContext.Default.InvoicePayment) : null;

    /// <summary>For <c>payout</c> (and <c>transfer</c>) events: a transfer, whichever dialect named its ids.</summary>
    public Transfer? Transfer => IsTransfer && Data.ValueKind == JsonValueKind.Object ? ReadTransfer(Data) : null;

    private bool IsTransfer => Type is "payout" or "transfer";

    /// <summary>Either dialect's spelling (<c>payoutId</c> or <c>transferId</c>), renamed by the route table's one renaming.</summary>
    private static Transfer? ReadTransfer(JsonElement data) =>
        JsonSerializer.Deserialize(Routes.TransferFamily.Payouts.FromWire.Apply(data.GetRawText()), XRocketJsonContext.Default.Transfer);

    public Withdrawal? Withdrawal => Type == "withdrawal" && Data.ValueKind == JsonValueKind.Object ? Data.Deserialize(XRocketJsonContext.Default.Withdrawal) : null;
}
