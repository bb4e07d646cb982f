using System.IO;

namespace XRocketPay.Client;

/// <summary>
/// One line of a payout journal (JSON, one object per line; <see cref="PayoutJournalLineTypes"/>). <c>run</c>:
/// batchId, command, version; <c>intent</c>: clientTransferId, telegramUserId, asset, amount, description;
/// <c>outcome</c>: clientTransferId, outcome (an <see cref="XRocketOutcome"/> name), transferId, error. Every
/// line has <c>at</c> (UTC).
/// </summary>
public sealed class PayoutJournalLine
{
    public string Type { get; set; } = "";
    public DateTimeOffset? At { get; set; }
    public string? BatchId { get; set; }
    public string? Command { get; set; }
    public int? Version { get; set; }
    public string? ClientTransferId { get; set; }

    /// <summary>The Telegram user id paid.</summary>
    public string? TelegramUserId { get; set; }
    public string? Asset { get; set; }
    public decimal? Amount { get; set; }
    public string? Description { get; set; }
    public string? CallbackUrl { get; set; }

    /// <summary>The row's callback.payload (a JSON object), so a spooled or journaled row sends what was asked.</summary>
    public JsonElement? CallbackPayload { get; set; }

    /// <summary>What came of the row (an outcome line).</summary>
    public XRocketOutcome? Outcome { get; set; }
    public string? TransferId { get; set; }

    /// <summary>The error id of a Failed or Unknown outcome.</summary>
    public string? Error { get; set; }

    /// <summary>
    /// Reads one line; a line that is not one this module writes (not a JSON object, a date, version, amount
    /// or outcome it cannot read) is refused with <see cref="InvalidDataException"/>.
    /// </summary>
    public static PayoutJournalLine Parse(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException("it is not JSON (" + ex.Message + ")", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException("it is not a JSON object");
            }

            string? S(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return new PayoutJournalLine
            {
                Type = S("type") ?? "",
                At = S("at") is { } at ? AtOf(at) : null,
                BatchId = S("batchId"),
                Command = S("command"),
                Version = root.TryGetProperty("version", out var version) ? VersionOf(version) : null,
                ClientTransferId = S("clientTransferId"),
                TelegramUserId = S("telegramUserId"),
                Asset = S("asset"),
                Amount = S("amount") is { } amount ? AmountOf(amount) : null,
                Description = S("description"),
                CallbackUrl = S("callbackUrl"),
                CallbackPayload = root.TryGetProperty("callbackPayload", out var payload) && payload.ValueKind == JsonValueKind.Object ? payload.Clone() : null,
                Outcome = S("outcome") is { } outcome ? OutcomeOf(outcome) : null,
                TransferId = S("transferId"),
                Error = S("error"),
            };
        }
    }

    /// <summary>An amount read with the core's one strict money reader: a line whose amount it refuses is not a journal line.</summary>
    private static decimal AmountOf(string text) =>
        XRocketMoney.TryParse(text, out var amount, out var error) ? amount : throw new InvalidDataException($"its amount '{text}' is not an amount: {error}");

    private static DateTimeOffset AtOf(string text) =>
        DateTimeOffset.TryParseExact(text, AtFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at : throw new InvalidDataException($"its time '{text}' is not a UTC time as the journal writes it ({AtFormat})");

    private static int VersionOf(JsonElement version) =>
        version.ValueKind == JsonValueKind.Number && version.TryGetInt32(out var value) && value > 0
            ? value : throw new InvalidDataException($"its version {version.GetRawText()} is not a journal format version");

    private static XRocketOutcome OutcomeOf(string text) =>
        Enum.GetNames(typeof(XRocketOutcome)).Contains(text, StringComparer.Ordinal)
            ? (XRocketOutcome)Enum.Parse(typeof(XRocketOutcome), text) : throw new InvalidDataException($"its outcome '{text}' is not one of {string.Join(", ", Enum.GetNames(typeof(XRocketOutcome)))}");

    private const string AtFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>Writes this line as one JSON object and a newline (amounts as decimal strings, as the API does).</summary>
    public void WriteTo(Stream stream)
    {
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("type", Type);
            json.WriteString("at", (At ?? DateTimeOffset.UtcNow).UtcDateTime.ToString(AtFormat, CultureInfo.InvariantCulture));
            Optional(json, "batchId", BatchId);
            Optional(json, "command", Command);
            if (Version is { } version)
            {
                json.WriteNumber("version", version);
            }

            Optional(json, "clientTransferId", ClientTransferId);
            Optional(json, "telegramUserId", TelegramUserId);
            Optional(json, "asset", Asset);
            Optional(json, "amount", Amount is { } amount ? XRocketMoney.Format(amount) : null);
            Optional(json, "description", Description);
            Optional(json, "callbackUrl", CallbackUrl);
            if (CallbackPayload is { } callbackPayload)
            {
                json.WritePropertyName("callbackPayload");
                callbackPayload.WriteTo(json);
            }

            Optional(json, "outcome", Outcome?.ToString());
            Optional(json, "transferId", TransferId);
            Optional(json, "error", Error);
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
