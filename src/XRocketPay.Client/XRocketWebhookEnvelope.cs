using System.Security.Cryptography;

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

    /// <summary>For <c>payout</c> (transfer) events.</summary>
    public Transfer? Transfer => Type == "payout" && Data.ValueKind == JsonValueKind.Object ? Data.Deserialize(XRocketJsonContext.Default.Transfer) : null;

    public Withdrawal? Withdrawal => Type == "withdrawal" && Data.ValueKind == JsonValueKind.Object ? Data.Deserialize(XRocketJsonContext.Default.Withdrawal) : null;
}
