using System.Text.Json.Nodes;

namespace XRocketPay.Client;

/// <summary>Keeps the token and sensitive fields out of every trace, message and snippet.</summary>
internal sealed class Redactor
{
    private static readonly string[] s_sensitiveFields = { Fields.Password, "token", "apiKey", "secret" };

    private readonly XRocketApiToken? _token;

    internal Redactor(XRocketApiToken? token) => _token = token;

    /// <summary>Replaces the token wherever it occurs.</summary>
    internal string Redact(string? text) => _token?.Redact(text) ?? text ?? "";

    /// <summary>Masks sensitive JSON fields (cheque passwords, anything token-like) and the token itself.</summary>
    internal string? MaskBody(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return body;
        }

        try
        {
            var node = JsonNode.Parse(body!);
            Mask(node);
            return Redact(node?.ToJsonString());
        }
        catch (JsonException)
        {
            return Snippet(body!);
        }
    }

    /// <summary>A short, token-free excerpt of a body for error messages.</summary>
    internal string Snippet(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "(empty body)";
        }

        var flat = Redact(text).Replace('\r', ' ').Replace('\n', ' ').Trim();
        return flat.Length <= 200 ? "'" + flat + "'" : "'" + flat.Substring(0, 200) + "…'";
    }

    /// <summary>A token-free message of a failed connection.</summary>
    internal string SafeMessage(Exception ex) => Redact(ex.InnerException?.Message ?? ex.Message);

    private static void Mask(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (s_sensitiveFields.Any(f => string.Equals(f, key, StringComparison.OrdinalIgnoreCase)))
                    {
                        obj[key] = "***";
                    }
                    else
                    {
                        Mask(obj[key]);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Mask(item);
                }

                break;
        }
    }
}
