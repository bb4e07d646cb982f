using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace XRocketPay.Client.Tests;

/// <summary>
/// The client's route table and request models, held to the project's contract (docs/api/openapi.json)
/// per dialect: every operation present, every path, query name and body field spelled as the contract
/// says. The client is not generated from the contract; this is what keeps the two honest.
/// </summary>
public sealed class ContractTests
{
    private static readonly JsonObject s_contract = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot(), "docs", "api", "openapi.json")))!;

    public static TheoryData<XRocketApiDialect> Dialects() => new() { XRocketApiDialect.Transfers, XRocketApiDialect.Payouts };

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Every_contract_path_is_in_the_route_table_and_every_route_is_in_the_contract(XRocketApiDialect dialect)
    {
        var contract = Operations(dialect).Select(o => o.Path).ToHashSet(StringComparer.Ordinal);
        var family = Routes.TransferFamily.Of(dialect);
        var client = typeof(Routes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => "/" + (string)f.GetRawConstantValue()!)
            .Concat(new[] { family.Many, family.One, family.Mass }.Select(p => "/" + p))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Empty(client.Except(contract));
        Assert.Empty(contract.Except(client));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Every_query_name_the_client_sends_is_a_contract_parameter(XRocketApiDialect dialect)
    {
        var contract = Operations(dialect).SelectMany(o => o.Query).ToHashSet(StringComparer.Ordinal);
        var family = Routes.TransferFamily.Of(dialect);
        var client = typeof(Routes.Query).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Concat(new[] { family.IdQuery, family.ClientIdQuery });
        var unknown = client.Where(name => !contract.Contains(name)).ToList();
        Assert.True(unknown.Count == 0, "not in the contract: " + string.Join(", ", unknown));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Every_body_field_the_client_sends_is_in_the_contract_schema(XRocketApiDialect dialect)
    {
        var family = Routes.TransferFamily.Of(dialect);
        var bodies = new (string Method, string Path, object Model, System.Text.Json.Serialization.Metadata.JsonTypeInfo Info, bool Transfer)[]
        {
            ("post", "/" + family.Many, Filled<Models.CreateTransferRequest>(), XRocketJsonContext.Default.CreateTransferRequest, true),
            ("post", "/" + family.Mass, Filled<Models.CreateMassTransfersRequest>(), XRocketJsonContext.Default.CreateMassTransfersRequest, true),
            ("post", "/api/v1/cheques", Filled<Models.CreateChequeRequest>(), XRocketJsonContext.Default.CreateChequeRequest, false),
            ("put", "/api/v1/cheques", Filled<Models.UpdateChequeRequest>(), XRocketJsonContext.Default.UpdateChequeRequest, false),
            ("post", "/api/v1/invoices", Filled<Models.CreateInvoiceRequest>(), XRocketJsonContext.Default.CreateInvoiceRequest, false),
            ("post", "/api/v1/invoice/pay-test", Filled<Models.TestPayInvoiceRequest>(), XRocketJsonContext.Default.TestPayInvoiceRequest, false),
            ("post", "/api/v1/invoices/payments/address", Filled<Models.InvoicePaymentAddressRequest>(), XRocketJsonContext.Default.InvoicePaymentAddressRequest, false),
            ("post", "/api/v1/withdrawals", Filled<Models.CreateWithdrawalRequest>(), XRocketJsonContext.Default.CreateWithdrawalRequest, false),
            ("post", "/api/v1/withdrawal-link", Filled<Models.CreateWithdrawalLinkRequest>(), XRocketJsonContext.Default.CreateWithdrawalLinkRequest, false),
        };
        foreach (var (method, path, model, info, transfer) in bodies)
        {
            var json = JsonSerializer.Serialize(model, info);
            var wire = transfer ? family.ToWire.Apply(json) : json;
            var schema = Resolve(Operation(path, method)["requestBody"]!["content"]!["application/json"]!["schema"]!);
            var missing = new List<string>();
            Compare(JsonNode.Parse(wire)!, schema, path, missing);
            Assert.True(missing.Count == 0, $"{method.ToUpperInvariant()} {path}: not in the contract: {string.Join(", ", missing)}");
        }
    }

    private static void Compare(JsonNode value, JsonNode schema, string where, List<string> missing)
    {
        schema = Resolve(schema);
        if (value is JsonArray array && schema["items"] is { } items)
        {
            foreach (var item in array)
            {
                Compare(item!, items, where + "[]", missing);
            }
        }
        else if (value is JsonObject obj && schema["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in obj)
            {
                if (properties[name] is { } property)
                {
                    Compare(child!, property, where + "." + name, missing);
                }
                else
                {
                    missing.Add(where + "." + name);
                }
            }
        }
    }

    private static JsonNode Resolve(JsonNode schema)
    {
        while (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            schema = s_contract["components"]!["schemas"]![reference.Split('/').Last()]!;
        }

        // A nullable object may be written as allOf/oneOf with one schema and null.
        return (schema["allOf"] ?? schema["oneOf"] ?? schema["anyOf"]) is JsonArray choices && choices.FirstOrDefault(c => c?["$ref"] is not null || c?["properties"] is not null) is { } first
            ? Resolve(first)
            : schema;
    }

    private static JsonNode Operation(string path, string method) => s_contract["paths"]![path]![method]!;

    private static IEnumerable<(string Path, IReadOnlyList<string> Query)> Operations(XRocketApiDialect dialect)
    {
        var wanted = dialect.ToString().ToLowerInvariant();
        foreach (var (path, item) in (JsonObject)s_contract["paths"]!)
        {
            foreach (var (method, operation) in (JsonObject)item!)
            {
                if (method.StartsWith("x-", StringComparison.Ordinal) || operation is not JsonObject op)
                {
                    continue;
                }

                var dialectOf = (op["x-dialect"] ?? item["x-dialect"])?.GetValue<string>();
                if (dialectOf is null || dialectOf == wanted)
                {
                    var query = (op["parameters"] as JsonArray ?? new JsonArray()).Select(p => Resolve(p!)).Where(p => p["in"]?.GetValue<string>() == "query").Select(p => p["name"]!.GetValue<string>()).ToList();
                    yield return (path, query);
                }
            }
        }
    }

    /// <summary>An instance with every settable property given a value, so every field is serialised.</summary>
    private static T Filled<T>() where T : new() => (T)Fill(typeof(T), 0)!;

    private static object? Fill(Type type, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string)) return "x";
        if (underlying == typeof(decimal)) return 1.5m;
        if (underlying == typeof(int) || underlying == typeof(long)) return Convert.ChangeType(1, underlying, CultureInfo.InvariantCulture);
        if (underlying == typeof(bool)) return true;
        if (underlying == typeof(DateTimeOffset)) return DateTimeOffset.UnixEpoch;
        if (underlying == typeof(JsonElement)) return JsonDocument.Parse("{}").RootElement.Clone();
        if (underlying.IsEnum) return Enum.GetValues(underlying).GetValue(0);
        if (depth > 3) return null;
        if (underlying.IsGenericType && typeof(IList).IsAssignableFrom(underlying))
        {
            var list = (IList)Activator.CreateInstance(underlying)!;
            list.Add(Fill(underlying.GetGenericArguments()[0], depth + 1));
            return list;
        }

        if (underlying.IsArray)
        {
            var array = Array.CreateInstance(underlying.GetElementType()!, 1);
            array.SetValue(Fill(underlying.GetElementType()!, depth + 1), 0);
            return array;
        }

        var instance = Activator.CreateInstance(underlying, nonPublic: true)!;
        foreach (var property in underlying.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is null))
        {
            property.SetValue(instance, Fill(property.PropertyType, depth + 1));
        }

        return instance;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "XRocketPay.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
