using System.IO;

namespace XRocketPay.Client;

/// <summary>
/// One line of a payout journal (JSON, one object per line). <c>run</c>: a run started (batchId, command,
/// version); <c>intent</c>: a row about to be sent (clientTransferId, target, asset, amount, description);
/// <c>outcome</c>: what came of it (clientTransferId, status, transferId, error). Every line has <c>at</c> (UTC).
/// </summary>
public sealed class PayoutJournalLine
{
    public const string Run = "run";
    public const string Intent = "intent";
    public const string Outcome = "outcome";

    public string Type { get; set; } = "";
    public DateTimeOffset? At { get; set; }
    public string? BatchId { get; set; }
    public string? Command { get; set; }
    public int? Version { get; set; }
    public string? ClientTransferId { get; set; }
    public string? Target { get; set; }
    public string? Asset { get; set; }
    public decimal? Amount { get; set; }
    public string? Description { get; set; }
    public string? CallbackUrl { get; set; }

    /// <summary>The row's callback.payload (a JSON object), so a spooled or journaled row sends what was asked.</summary>
    public JsonElement? CallbackPayload { get; set; }

    /// <summary>An <see cref="XRocketOutcome"/> name: Sent, AlreadyDone, Failed or Unknown.</summary>
    public string? Status { get; set; }
    public string? TransferId { get; set; }

    /// <summary>The error id of a Failed or Unknown outcome.</summary>
    public string? Error { get; set; }

    /// <summary>
    /// Reads every whole line of a journal, streaming; a line cut by a kill (not JSON) is skipped, a line whose
    /// amount is not an amount is refused (<see cref="InvalidDataException"/>).
    /// </summary>
    public static IEnumerable<PayoutJournalLine> ReadAll(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            PayoutJournalLine? line;
            try
            {
                line = Parse(text);
            }
            catch (JsonException)
            {
                line = null;
            }

            if (line is not null)
            {
                yield return line;
            }
        }
    }

    public static PayoutJournalLine Parse(string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A journal line is a JSON object.");
        }

        string? S(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new PayoutJournalLine
        {
            Type = S("type") ?? "",
            At = S("at") is { } at ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null,
            BatchId = S("batchId"),
            Command = S("command"),
            Version = root.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.Number ? version.GetInt32() : null,
            ClientTransferId = S("clientTransferId"),
            Target = S("target"),
            Asset = S("asset"),
            Amount = S("amount") is { } amount ? AmountOf(amount) : null,
            Description = S("description"),
            CallbackUrl = S("callbackUrl"),
            CallbackPayload = root.TryGetProperty("callbackPayload", out var payload) && payload.ValueKind == JsonValueKind.Object ? payload.Clone() : null,
            Status = S("status"),
            TransferId = S("transferId"),
            Error = S("error"),
        };
    }

    /// <summary>An amount read with the core's one strict money reader: a line whose amount it refuses is not a journal line.</summary>
    private static decimal AmountOf(string text) =>
        XRocketMoney.TryParse(text, out var amount, out var error) ? amount : throw new InvalidDataException($"A journal line has the amount '{text}', which is not an amount: {error}");

    /// <summary>Writes this line as one JSON object and a newline (amounts as decimal strings, as the API does).</summary>
    public void WriteTo(Stream stream)
    {
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("type", Type);
            json.WriteString("at", (At ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            Optional(json, "batchId", BatchId);
            Optional(json, "command", Command);
            if (Version is { } version)
            {
                json.WriteNumber("version", version);
            }

            Optional(json, "clientTransferId", ClientTransferId);
            Optional(json, "target", Target);
            Optional(json, "asset", Asset);
            Optional(json, "amount", Amount is { } amount ? XRocketMoney.Format(amount) : null);
            Optional(json, "description", Description);
            Optional(json, "callbackUrl", CallbackUrl);
            if (CallbackPayload is { } callbackPayload)
            {
                json.WritePropertyName("callbackPayload");
                callbackPayload.WriteTo(json);
            }

            Optional(json, "status", Status);
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
