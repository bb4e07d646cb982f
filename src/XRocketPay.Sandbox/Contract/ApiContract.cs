using System.Text.Json;
using System.Text.Json.Nodes;

namespace XRocketPay.Sandbox;

/// <summary>
/// The project's contract (docs/api/openapi.json, embedded), filtered to the dialect the sandbox serves.
/// It is served at /api/docs-json and it shapes every success body: nullable fields are sent as null, and
/// under <see cref="SandboxShape.Evidence"/> a field no public source shows (x-source guessed, or absent
/// from the contract) is dropped. Routes are not generated from it: a test holds them to it.
/// </summary>
internal sealed class ApiContract
{
    private readonly JsonObject _root;
    private readonly Dictionary<(string Method, string Path), JsonNode> _successSchemas = new();
    private readonly bool _evidence;

    public ApiContract(SandboxDialect dialect, SandboxShape shape)
    {
        _evidence = shape == SandboxShape.Evidence;
        using var stream = typeof(ApiContract).Assembly.GetManifestResourceStream("openapi.json")
            ?? throw new InvalidOperationException("The contract (openapi.json) is not embedded in the sandbox.");
        _root = JsonNode.Parse(stream)!.AsObject();
        var name = dialect.ToString().ToLowerInvariant();
        RemoveOtherDialects(_root["paths"]!.AsObject(), name);
        RemoveOtherDialects(_root["components"]!["schemas"]!.AsObject(), name);
        RemoveOtherDialects(_root["webhooks"]!.AsObject(), name);
        _root["x-dialect"] = name;
        DialectJson = _root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (var (path, item) in _root["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation is JsonObject op && op["responses"] is JsonObject responses &&
                    responses.FirstOrDefault(r => r.Key.StartsWith('2')).Value?["content"]?["application/json"]?["schema"] is { } schema)
                {
                    _successSchemas[(method.ToUpperInvariant(), path)] = schema;
                }
            }
        }
    }

    /// <summary>The contract of the running dialect, as /api/docs-json serves it.</summary>
    public string DialectJson { get; }

    /// <summary>Shapes a success body of an operation in place; bodies of routes outside the contract pass unchanged.</summary>
    public void Shape(JsonNode? body, string method, string path)
    {
        if (_successSchemas.TryGetValue((method.ToUpperInvariant(), path), out var schema))
        {
            ShapeNode(body, schema, 0);
        }
    }

    /// <summary>Shapes a webhook's data as the contract's webhook of that envelope type describes it.</summary>
    public void ShapeWebhook(string type, JsonNode? data)
    {
        var parts = _root["webhooks"]!.AsObject()
            .Select(w => w.Value?["post"]?["requestBody"]?["content"]?["application/json"]?["schema"]?["allOf"] as JsonArray)
            .Where(allOf => allOf is not null).SelectMany(allOf => allOf!);
        if (parts.FirstOrDefault(p => p?["properties"]?["type"]?["const"]?.GetValue<string>() == type)?["properties"]?["data"] is { } schema)
        {
            ShapeNode(data, schema, 0);
        }
    }

    /// <summary>
    /// A made-up answer in the operation's success shape, every money field holding <paramref name="moneyText"/>:
    /// the "echo" fault, a hostile server that reflects the caller's Authorization header into an amount.
    /// </summary>
    public JsonNode Echo(string method, string path, string moneyText) =>
        _successSchemas.TryGetValue((method.ToUpperInvariant(), path), out var schema)
            ? Example(schema, moneyText, 0) ?? new JsonObject()
            : new JsonObject { ["amount"] = moneyText };

    private static void RemoveOtherDialects(JsonObject items, string dialect)
    {
        foreach (var key in items.Where(i => i.Value?["x-dialect"] is { } d && d.GetValue<string>() != dialect).Select(i => i.Key).ToList())
        {
            items.Remove(key);
        }
    }

    private JsonNode Schema(string name) => _root["components"]!["schemas"]![name] ?? throw new KeyNotFoundException(name);

    private JsonNode Resolve(JsonNode schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference ? Schema(reference[(reference.LastIndexOf('/') + 1)..]) : schema;

    private void ShapeNode(JsonNode? node, JsonNode schema, int depth)
    {
        schema = Resolve(schema);
        if (depth > 8)
        {
            return;
        }

        if (node is JsonArray array && schema["items"] is { } items)
        {
            foreach (var element in array)
            {
                ShapeNode(element, items, depth + 1);
            }
        }

        if (node is not JsonObject obj || schema["properties"] is not JsonObject properties)
        {
            return;
        }

        var schemaSource = schema["x-source"]?.GetValue<string>();
        foreach (var key in obj.Select(p => p.Key).ToList())
        {
            var property = properties[key];
            if (property is null ? _evidence : (obj[key] is null && !Nullable(property)) || (_evidence && Guessed(property, schemaSource)))
            {
                obj.Remove(key);
            }
            else if (property is not null)
            {
                ShapeNode(obj[key], property, depth + 1);
            }
        }

        foreach (var (name, property) in properties)
        {
            if (!obj.ContainsKey(name) && Nullable(property!) && !(_evidence && Guessed(property!, schemaSource)))
            {
                obj[name] = null;
            }
        }
    }

    private static bool Nullable(JsonNode property) =>
        property["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null");

    private static bool Guessed(JsonNode property, string? schemaSource) =>
        (property["x-source"]?.GetValue<string>() ?? schemaSource ?? "guessed").StartsWith("guessed", StringComparison.Ordinal);

    private JsonNode? Example(JsonNode schema, string moneyText, int depth)
    {
        schema = Resolve(schema);
        if (depth > 6)
        {
            return null;
        }

        if (schema["properties"] is JsonObject properties)
        {
            var obj = new JsonObject();
            foreach (var (name, property) in properties)
            {
                obj[name] = Example(property!, moneyText, depth + 1);
            }

            return obj;
        }

        var type = schema["type"] is JsonArray types ? types.Select(t => t!.GetValue<string>()).First(t => t != "null") : schema["type"]?.GetValue<string>();
        return type switch
        {
            "array" when schema["items"] is { } items => new JsonArray(Example(items, moneyText, depth + 1)),
            "string" when schema["format"]?.GetValue<string>() == "decimal" => moneyText,
            "string" => "echo",
            "integer" or "number" => 1,
            "boolean" => false,
            _ => null,
        };
    }
}
