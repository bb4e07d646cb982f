using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace XRocketPay.Sandbox.Tests;

/// <summary>
/// Holds the sandbox's routes to docs/api/openapi.json, per dialect: every operation present, every path,
/// query name and body field spelled as the contract says, and the contract served at /api/docs-json.
/// </summary>
public sealed class ContractTests : IClassFixture<SandboxPair>
{
    private readonly SandboxPair _sandboxes;

    public ContractTests(SandboxPair sandboxes) => _sandboxes = sandboxes;

    /// <summary>The contract as the repository holds it, filtered here (not by the sandbox) to one dialect.</summary>
    public static Dictionary<string, Operation> Operations(SandboxDialect dialect)
    {
        var root = Contract();
        var name = dialect.ToString().ToLowerInvariant();
        var schemas = root["components"]!["schemas"]!.AsObject();
        var operations = new Dictionary<string, Operation>(StringComparer.Ordinal);
        foreach (var (path, item) in root["paths"]!.AsObject())
        {
            if (item!["x-dialect"] is { } d && d.GetValue<string>() != name)
            {
                continue;
            }

            foreach (var (method, node) in item.AsObject().Where(p => p.Value is JsonObject))
            {
                var query = (node!["parameters"] as JsonArray ?? new JsonArray()).Where(p => p!["in"]!.GetValue<string>() == "query")
                    .Select(p => p!["name"]!.GetValue<string>()).OrderBy(n => n, StringComparer.Ordinal).ToList();
                var body = new List<string>();
                if (node["requestBody"]?["content"]?["application/json"]?["schema"] is { } schema)
                {
                    var properties = Resolve(schemas, schema)["properties"]!.AsObject();
                    foreach (var (field, property) in properties)
                    {
                        body.Add(field);
                        if (property!["items"] is { } items && Resolve(schemas, items)["properties"] is JsonObject rowProperties)
                        {
                            body.AddRange(rowProperties.Select(r => field + "[]." + r.Key));
                        }
                    }
                }

                var key = method.ToUpperInvariant() + " " + path;
                operations[key] = new Operation(key, node["operationId"]!.GetValue<string>(), query, body.OrderBy(b => b, StringComparer.Ordinal).ToList());
            }
        }

        return operations;
    }

    public sealed record Operation(string Key, string OperationId, List<string> Query, List<string> Body);

    public static JsonObject Contract()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "docs", "api", "openapi.json")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return JsonNode.Parse(File.ReadAllText(Path.Combine(directory!.FullName, "docs", "api", "openapi.json")))!.AsObject();
    }

    private static JsonNode Resolve(JsonObject schemas, JsonNode schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference ? schemas[reference.Split('/').Last()]! : schema;

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Every_route_matches_the_contract_of_its_dialect(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        var contract = Operations(dialect);
        Assert.Equal(26, contract.Count);
        var routes = (await api.Get("sandbox/routes")).Body.GetProperty("items").EnumerateArray().ToDictionary(
            r => r.GetProperty("method").GetString() + " " + r.GetProperty("path").GetString(),
            r => (Query: Strings(r.GetProperty("query")), Body: Strings(r.GetProperty("body"))));

        Assert.Equal(contract.Keys.Order(StringComparer.Ordinal), routes.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, operation) in contract)
        {
            Assert.True(operation.Query.SequenceEqual(routes[key].Query), $"{key} query: contract [{string.Join(",", operation.Query)}], sandbox [{string.Join(",", routes[key].Query)}]");
            Assert.True(operation.Body.SequenceEqual(routes[key].Body), $"{key} body: contract [{string.Join(",", operation.Body)}], sandbox [{string.Join(",", routes[key].Body)}]");
        }
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Every_operation_answers_over_http_and_never_with_route_not_found(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        foreach (var operation in Operations(dialect).Values)
        {
            var (method, path) = (operation.Key.Split(' ')[0], operation.Key.Split(' ')[1]);
            var reply = await api.Send(new HttpMethod(method), path.TrimStart('/'), method is "POST" or "PUT" ? "{}" : null, SandboxDefaults.Token);
            Assert.False(reply.Text.Contains("\"Cannot ", StringComparison.Ordinal), operation.Key + ": " + reply.Text);
            Assert.NotEqual(HttpStatusCode.InternalServerError, reply.Status);
        }
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task A_body_field_the_contract_does_not_name_is_refused(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        var other = Names.For(dialect == SandboxDialect.Payouts ? SandboxDialect.Transfers : SandboxDialect.Payouts);
        var body = api.Transfer("1", "x-1");
        body[other.ClientId] = "x-2";
        var refused = await api.Post(api.Names.Collection, body);
        Assert.Equal("validation_error", refused.Code);
        Assert.Contains(other.ClientId, refused.S("detail"));
        var row = api.Row("5", "1", "x-3");
        row[other.ClientId] = "x-4";
        Assert.Equal("validation_error", (await api.Post(api.Names.Mass, new Dictionary<string, object> { ["asset"] = "TONCOIN", [api.Names.MassKey] = new[] { row } })).Code);
        Assert.Equal(10_000m, api.Balance("TONCOIN"));
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Docs_json_serves_the_contract_of_the_running_dialect(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        var served = await api.Get("api/docs-json", token: null);
        Assert.Equal(HttpStatusCode.OK, served.Status);
        Assert.Equal(dialect.ToString().ToLowerInvariant(), served.S("x-dialect"));
        var paths = served.Body.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        var expected = Operations(dialect).Keys.Select(k => k.Split(' ')[1]).ToHashSet();
        Assert.Equal(expected.Order(StringComparer.Ordinal), paths.Order(StringComparer.Ordinal));
        Assert.Contains("/" + api.Names.Single, paths);
        var schemas = served.Body.GetProperty("components").GetProperty("schemas");
        Assert.Equal(dialect == SandboxDialect.Payouts, schemas.TryGetProperty("Payout", out _));
        Assert.Equal(dialect == SandboxDialect.Transfers, schemas.TryGetProperty("Transfer", out _));
    }

    [Fact]
    public void Every_operation_of_the_contract_cites_its_evidence()
    {
        foreach (var (path, item) in Contract()["paths"]!.AsObject())
        {
            foreach (var (method, node) in item!.AsObject().Where(p => p.Value is JsonObject))
            {
                Assert.False(node!["x-source"] is null, $"{method} {path} has no x-source");
                Assert.StartsWith("SOURCES §", node["x-evidence"]!.GetValue<string>());
                Assert.False(node["x-confidence"] is null, $"{method} {path} has no x-confidence");
            }
        }
    }

    private static List<string> Strings(JsonElement array) =>
        array.EnumerateArray().Select(e => e.GetString()!).OrderBy(s => s, StringComparer.Ordinal).ToList();
}
