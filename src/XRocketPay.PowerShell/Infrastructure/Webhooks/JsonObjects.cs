using System.Text.Json;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// JSON the module has no type for, both ways: JSON to PowerShell objects (objects become PSCustomObjects,
/// arrays object[], numbers long or decimal) and PowerShell values to JSON (hashtables and objects become
/// JSON objects; JSON text is read as JSON, so a CSV column can hold it).
/// </summary>
internal static class JsonObjects
{
    /// <summary>Deeper than this is refused: a self-referencing object would never end.</summary>
    private const int MaxDepth = 32;

    /// <summary><paramref name="value"/> as a JSON element; throws <see cref="FormatException"/> saying why it cannot be one.</summary>
    internal static JsonElement FromPSObject(object? value)
    {
        using var buffer = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            var unwrapped = value is PSObject wrapped ? wrapped.BaseObject : value;
            if (unwrapped is string text && text.TrimStart().StartsWith("{", StringComparison.Ordinal))
            {
                try
                {
                    using var parsed = JsonDocument.Parse(text);
                    parsed.RootElement.WriteTo(writer);
                }
                catch (JsonException ex)
                {
                    throw new FormatException($"the text is not valid JSON ({ex.Message})");
                }
            }
            else
            {
                Write(writer, value, 0);
            }
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    private static void Write(Utf8JsonWriter writer, object? value, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new FormatException($"it is nested more than {MaxDepth} levels deep");
        }

        var wrapped = value as PSObject;
        switch (wrapped?.BaseObject ?? value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case char c:
                writer.WriteStringValue(c.ToString());
                break;
            case byte or sbyte or short or ushort or int or uint or long:
                writer.WriteNumberValue(Convert.ToInt64(wrapped?.BaseObject ?? value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case ulong or decimal:
                writer.WriteNumberValue(Convert.ToDecimal(wrapped?.BaseObject ?? value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case double or float:
                var number = Convert.ToDouble(wrapped?.BaseObject ?? value, System.Globalization.CultureInfo.InvariantCulture);
                if (double.IsNaN(number) || double.IsInfinity(number))
                {
                    throw new FormatException($"{number} is not a JSON number");
                }

                writer.WriteNumberValue(number);
                break;
            case DateTime or DateTimeOffset:
                writer.WriteStringValue(((IFormattable)(wrapped?.BaseObject ?? value)!).ToString("o", System.Globalization.CultureInfo.InvariantCulture));
                break;
            case Enum or Guid:
                writer.WriteStringValue((wrapped?.BaseObject ?? value)!.ToString());
                break;
            case System.Collections.IDictionary map:
                writer.WriteStartObject();
                foreach (System.Collections.DictionaryEntry entry in map)
                {
                    writer.WritePropertyName(entry.Key?.ToString() ?? "");
                    Write(writer, entry.Value, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case System.Collections.IEnumerable many:
                writer.WriteStartArray();
                foreach (var item in many)
                {
                    Write(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                break;
            default:
                // A PSCustomObject (or any object): its properties, as ConvertTo-Json would.
                writer.WriteStartObject();
                foreach (var property in (wrapped ?? PSObject.AsPSObject(value)).Properties.Where(p => p.IsGettable && p.MemberType is PSMemberTypes.NoteProperty or PSMemberTypes.Property))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value, depth + 1);
                }

                writer.WriteEndObject();
                break;
        }
    }

    internal static object? ToPSObject(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var result = new PSObject();
                foreach (var property in element.EnumerateObject())
                {
                    result.Properties.Add(new PSNoteProperty(property.Name, ToPSObject(property.Value)));
                }

                return result;
            case JsonValueKind.Array:
                return element.EnumerateArray().Select(ToPSObject).ToArray();
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return element.TryGetInt64(out var whole) ? whole : element.TryGetDecimal(out var number) ? number : element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }
}
