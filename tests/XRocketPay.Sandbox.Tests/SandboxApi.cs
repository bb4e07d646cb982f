using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using XRocketPay.TestSupport;

namespace XRocketPay.Sandbox.Tests;

/// <summary>The transfer family's names per dialect, written here on their own (SOURCES §5.18–5.21) so the test checks the sandbox.</summary>
public sealed record Names(string Collection, string Single, string Mass, string Id, string ClientId, string MassKey, string Success, string Error,
    string Duplicate, string NotFound, string Missing)
{
    public static Names For(SandboxDialect dialect) => dialect == SandboxDialect.Payouts
        ? new("api/v1/payouts", "api/v1/payout", "api/v1/mass-payouts", "payoutId", "clientPayoutId", "payouts", "successPayouts", "errorPayouts",
            "payout_client_id_duplicate", "app_payout_not_found", "missing_payout_identifier")
        : new("api/v1/transfers", "api/v1/transfer", "api/v1/mass-transfers", "transferId", "clientTransferId", "transfers", "successTransfers", "errorTransfers",
            "client_id_already_taken", "app_transfer_not_found", "missing_transfer_identifier");
}

/// <summary>Both dialects, for <c>[Theory, ClassData(typeof(BothDialects))]</c>.</summary>
public sealed class BothDialects : TheoryData<SandboxDialect>
{
    public BothDialects()
    {
        Add(SandboxDialect.Transfers);
        Add(SandboxDialect.Payouts);
    }
}

/// <summary>One sandbox per dialect, in the shape a subclass names.</summary>
public class SandboxPair : IDisposable
{
    private readonly Dictionary<SandboxDialect, SandboxApi> _apis;

    public SandboxPair() : this(SandboxShape.Full)
    {
    }

    protected SandboxPair(SandboxShape shape) => _apis = new[] { SandboxDialect.Transfers, SandboxDialect.Payouts }.ToDictionary(
        dialect => dialect,
        dialect => new SandboxApi(new SandboxOptions { Dialect = dialect, Shape = shape, WithdrawalCompletionDelay = TimeSpan.FromMilliseconds(200) }));

    public SandboxApi this[SandboxDialect dialect] => _apis[dialect];

    /// <summary>The dialect's sandbox, reset to its starting state.</summary>
    public SandboxApi Fresh(SandboxDialect dialect)
    {
        _apis[dialect].Reset();
        return _apis[dialect];
    }

    public void Dispose()
    {
        foreach (var api in _apis.Values)
        {
            api.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class EvidencePair() : SandboxPair(SandboxShape.Evidence);

/// <summary>A started sandbox (<see cref="SandboxAdmin"/>) and a raw HTTP view of it, as any client would see it.</summary>
public sealed class SandboxApi : SandboxAdmin
{
    public SandboxApi(SandboxOptions options) : base(options)
    {
        Names = Names.For(options.Dialect);
        Http = new HttpClient { BaseAddress = BaseUri };
    }

    public HttpClient Http { get; }
    public Names Names { get; }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Http.Dispose();
        }

        base.Dispose(disposing);
    }

    public sealed record Reply(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response, string Text)
    {
        public string Code => Body.GetProperty("type").GetString()!.Split('/').Last();
        public string S(string name) => Body.GetProperty(name).GetString()!;
        public bool Has(string name) => Body.TryGetProperty(name, out _);
    }

    public Task<Reply> Get(string path, string? token = SandboxDefaults.Token) => Send(HttpMethod.Get, path, null, token);
    public Task<Reply> Post(string path, object? body, string? token = SandboxDefaults.Token) => Send(HttpMethod.Post, path, body, token);
    public Task<Reply> Put(string path, object? body, string? token = SandboxDefaults.Token) => Send(HttpMethod.Put, path, body, token);
    public Task<Reply> Delete(string path, string? token = SandboxDefaults.Token) => Send(HttpMethod.Delete, path, null, token);

    public async Task<Reply> Send(HttpMethod method, string path, object? body, string? token)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new Reply(response.StatusCode, json, response, text);
    }

    /// <summary>start + credits − debits = balance, holds ≤ balance, available = balance − holds, for every asset.</summary>
    public void AssertLedgerInvariant()
    {
        foreach (var row in Ledger())
        {
            Assert.Equal(row.Start + row.Credits - row.Debits, row.Balance);
            Assert.True(row.Holds >= 0 && row.Holds <= row.Balance, $"holds {row.Holds} vs balance {row.Balance}");
            Assert.Equal(row.Balance - row.Holds, row.Available);
        }
    }

    public static decimal D(JsonElement element) => decimal.Parse(element.GetString()!, CultureInfo.InvariantCulture);

    /// <summary>A transfer (or payout) body in this sandbox's dialect.</summary>
    public Dictionary<string, object?> Transfer(string amount = "1.5", string? clientId = null, string target = "123456", string asset = "TONCOIN") => new()
    {
        ["target"] = target, ["targetType"] = "telegram_user_id", ["asset"] = asset, ["amount"] = amount, [Names.ClientId] = clientId, ["description"] = "test",
    };

    /// <summary>A mass row in this sandbox's dialect.</summary>
    public Dictionary<string, object?> Row(string target, string amount, string? clientId) => new()
    {
        ["target"] = target, ["targetType"] = "telegram_user_id", ["amount"] = amount, [Names.ClientId] = clientId,
    };

    public Task<Reply> PostTransfer(string amount = "1.5", string? clientId = null, string target = "123456", string asset = "TONCOIN") =>
        Post(Names.Collection, Transfer(amount, clientId, target, asset));

    public Task<Reply> GetTransferByClientId(string clientId) => Get(Names.Single + "?" + Names.ClientId + "=" + Uri.EscapeDataString(clientId));
}
