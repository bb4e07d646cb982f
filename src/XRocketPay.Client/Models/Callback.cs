namespace XRocketPay.Client.Models;

/// <summary>
/// Where the API posts webhooks for an object, and the JSON object it sends back in them (<c>payload</c>:
/// an object of at most 4 KB; docs/api/README.md).
/// </summary>
public sealed class Callback
{
    /// <summary>The most a payload may take, serialised as UTF-8 JSON.</summary>
    public const int MaxPayloadBytes = 4096;

    [JsonPropertyName(Fields.CallbackUrl)] public string? CallbackUrl { get; init; }
    [JsonPropertyName(Fields.Payload)] public JsonElement? Payload { get; init; }

    /// <summary>The callback of a create: null when neither a URL nor a payload is given.</summary>
    public static Callback? For(string? callbackUrl, JsonElement? payload) =>
        callbackUrl is null && payload is null ? null : new Callback { CallbackUrl = callbackUrl, Payload = payload };

    /// <summary>Why <paramref name="payload"/> cannot be sent (not a JSON object, or over <see cref="MaxPayloadBytes"/>), or null.</summary>
    public static string? PayloadProblem(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return $"a callback payload must be a JSON object (a hashtable or an object), not a JSON {payload.ValueKind.ToString().ToLowerInvariant()}.";
        }

        var size = Encoding.UTF8.GetByteCount(payload.GetRawText());
        return size > MaxPayloadBytes ? $"the callback payload takes {size} bytes as JSON; the API takes at most {MaxPayloadBytes} (4 KB)." : null;
    }
}
