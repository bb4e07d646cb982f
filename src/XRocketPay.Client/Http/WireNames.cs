using System.IO;

namespace XRocketPay.Client;

/// <summary>
/// Renames JSON property names (at any depth) between the models' spelling and a dialect's wire
/// spelling. Values are copied untouched, so amounts keep every digit. No renames: the text is returned
/// as it is, so the transfers dialect pays nothing for this.
/// </summary>
internal sealed class WireNames
{
    private readonly IReadOnlyDictionary<string, string> _renames;

    public WireNames(IReadOnlyDictionary<string, string> renames) => _renames = renames;

    public string Apply(string json)
    {
        if (_renames.Count == 0 || json.Length == 0)
        {
            return json;
        }

        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        using var buffer = new MemoryStream(json.Length + 16);
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                while (reader.Read())
                {
                    Copy(ref reader, writer);
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: leave it to the deserialiser, which reports a malformed answer with a redacted snippet.
            return json;
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private void Copy(ref Utf8JsonReader reader, Utf8JsonWriter writer)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject: writer.WriteStartObject(); break;
            case JsonTokenType.EndObject: writer.WriteEndObject(); break;
            case JsonTokenType.StartArray: writer.WriteStartArray(); break;
            case JsonTokenType.EndArray: writer.WriteEndArray(); break;
            case JsonTokenType.PropertyName:
                var name = reader.GetString()!;
                writer.WritePropertyName(_renames.TryGetValue(name, out var renamed) ? renamed : name);
                break;
            case JsonTokenType.String: writer.WriteStringValue(reader.GetString()); break;
            case JsonTokenType.Number:
                // Raw digits, never through double.
                using (var number = JsonDocument.ParseValue(ref reader))
                {
                    number.RootElement.WriteTo(writer);
                }

                break;
            case JsonTokenType.True: writer.WriteBooleanValue(true); break;
            case JsonTokenType.False: writer.WriteBooleanValue(false); break;
            case JsonTokenType.Null: writer.WriteNullValue(); break;
        }
    }
}
