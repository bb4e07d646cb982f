using System.Text.Json;
using System.Text.Json.Serialization;

namespace XRocketPay.Sandbox;

internal static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A success body, shaped by the contract on the way out (see <see cref="ApiContract.Shape"/>).</summary>
    public static IResult Ok(object body, int status = 200) => new ShapedJson(body, status);

    /// <summary>Deletes answer 200 (SOURCES §5.9, §5.16); the body is unknown, so none is sent.</summary>
    public static IResult Deleted() => Results.Ok();

    private sealed class ShapedJson(object body, int status) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            var node = JsonSerializer.SerializeToNode(body, Options);
            context.RequestServices.GetService<ApiContract>()?.Shape(node, context.Request.Method, context.Request.Path.Value ?? "");
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(node, Options);
        }
    }
}

/// <summary>A request's JSON body, read field by field with validation problems for bad shapes.</summary>
internal sealed class RequestBody
{
    private readonly JsonElement _root;

    private RequestBody(JsonElement root) => _root = root;

    public JsonElement Root => _root;

    public static async Task<RequestBody> ReadAsync(HttpRequest request, bool optional = false)
    {
        request.EnableBuffering();
        request.Body.Position = 0;
        using var reader = new StreamReader(request.Body, leaveOpen: true);
        var text = await reader.ReadToEndAsync();
        request.Body.Position = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            if (optional)
            {
                return new RequestBody(JsonDocument.Parse("{}").RootElement.Clone());
            }

            throw Problem.Validation("A JSON request body is required.");
        }

        var contentType = request.ContentType ?? "";
        if (!contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw Problem.Validation("Content-Type must be application/json.");
        }

        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Problem.Validation("The request body must be a JSON object.");
            }

            var body = new RequestBody(doc.RootElement.Clone());
            body.RefuseUnknownFields(ApiRoutes.Of(request.HttpContext));
            return body;
        }
        catch (JsonException ex)
        {
            throw Problem.Validation("The request body is not valid JSON: " + ex.Message);
        }
    }

    public static RequestBody From(JsonElement element) => new(element);

    /// <summary>
    /// A field the route does not declare is refused, as a NestJS whitelist would: a misspelt client id
    /// (say clientTransferId sent to the payouts dialect) must never be silently ignored.
    /// </summary>
    private void RefuseUnknownFields(ApiRoute? route)
    {
        if (route is null)
        {
            return;
        }

        foreach (var property in _root.EnumerateObject())
        {
            if (!route.Body.Contains(property.Name, StringComparer.Ordinal))
            {
                throw Problem.Validation($"property {property.Name} should not exist");
            }

            var prefix = property.Name + "[].";
            var rowFields = route.Body.Where(f => f.StartsWith(prefix, StringComparison.Ordinal)).Select(f => f[prefix.Length..]).ToList();
            if (rowFields.Count == 0 || property.Value.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var unknown = property.Value.EnumerateArray().Where(row => row.ValueKind == JsonValueKind.Object)
                .SelectMany(row => row.EnumerateObject().Select(p => p.Name)).FirstOrDefault(name => !rowFields.Contains(name, StringComparer.Ordinal));
            if (unknown is not null)
            {
                throw Problem.Validation($"property {property.Name}.{unknown} should not exist");
            }
        }
    }

    public bool Has(string name) => _root.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    public string? String(string name, int maxLength = 10_000)
    {
        if (!_root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => throw Problem.Validation($"'{name}' must be a string."),
        };
        if (text!.Length > maxLength)
        {
            throw Problem.Validation($"'{name}' must be at most {maxLength} characters.");
        }

        return text;
    }

    public string RequiredString(string name, int maxLength = 10_000) =>
        String(name, maxLength) is { Length: > 0 } text ? text : throw Problem.Validation($"'{name}' is required.");

    public decimal? Amount(string name) => Has(name) ? Money.ParseRequest(name, String(name)) : null;

    public decimal RequiredAmount(string name) => Amount(name) ?? throw Problem.Validation($"'{name}' is required.");

    public long? Long(string name)
    {
        if (!Has(name))
        {
            return null;
        }

        var value = _root.GetProperty(name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var l)
            ? l
            : throw Problem.Validation($"'{name}' must be an integer.");
    }

    public int? Int(string name)
    {
        if (!Has(name))
        {
            return null;
        }

        var value = _root.GetProperty(name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i)
            ? i
            : throw Problem.Validation($"'{name}' must be an integer.");
    }

    public bool? Bool(string name) => Has(name)
        ? _root.GetProperty(name).ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Problem.Validation($"'{name}' must be a boolean."),
        }
        : null;

    public JsonElement? Object(string name)
    {
        if (!Has(name))
        {
            return null;
        }

        var value = _root.GetProperty(name);
        return value.ValueKind == JsonValueKind.Object ? value.Clone() : throw Problem.Validation($"'{name}' must be an object.");
    }

    public IReadOnlyList<JsonElement> Array(string name)
    {
        if (!Has(name))
        {
            return System.Array.Empty<JsonElement>();
        }

        var value = _root.GetProperty(name);
        return value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(e => e.Clone()).ToList()
            : throw Problem.Validation($"'{name}' must be an array.");
    }
}
