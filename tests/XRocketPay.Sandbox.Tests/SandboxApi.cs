using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace XRocketPay.Sandbox.Tests;

/// <summary>A raw HTTP view of a running sandbox, as any client would see it.</summary>
public sealed class SandboxApi : IAsyncLifetime
{
    public SandboxServer Server { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public SandboxOptions Options { get; } = new() { WithdrawalCompletionDelay = TimeSpan.FromMilliseconds(200) };

    public async Task InitializeAsync()
    {
        Server = await SandboxServer.StartAsync(Options);
        Http = new HttpClient { BaseAddress = Server.BaseUri };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    public sealed record Reply(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)
    {
        public string Code => Body.GetProperty("type").GetString()!.Split('/').Last();
        public string S(string name) => Body.GetProperty(name).GetString()!;
    }

    public Task<Reply> Get(string path, string? token = SandboxOptions.DefaultToken) => Send(HttpMethod.Get, path, null, token);
    public Task<Reply> Post(string path, object? body, string? token = SandboxOptions.DefaultToken) => Send(HttpMethod.Post, path, body, token);
    public Task<Reply> Put(string path, object? body, string? token = SandboxOptions.DefaultToken) => Send(HttpMethod.Put, path, body, token);
    public Task<Reply> Delete(string path, string? token = SandboxOptions.DefaultToken) => Send(HttpMethod.Delete, path, null, token);

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
        return new Reply(response.StatusCode, json, response);
    }

    public async Task Reset() => Assert.Equal(HttpStatusCode.NoContent, (await Post("sandbox/reset", null)).Status);

    public async Task<Dictionary<string, JsonElement>> Ledger()
    {
        var reply = await Get("sandbox/ledger");
        return reply.Body.GetProperty("assets").EnumerateArray().ToDictionary(a => a.GetProperty("asset").GetString()!, a => a);
    }

    public async Task<decimal> Balance(string asset) => D((await Ledger())[asset].GetProperty("balance"));

    public async Task<decimal> Holds(string asset) => D((await Ledger())[asset].GetProperty("holds"));

    /// <summary>start + credits − debits = balance, holds ≤ balance, available = balance − holds, for every asset.</summary>
    public async Task AssertLedgerInvariant()
    {
        foreach (var row in (await Ledger()).Values)
        {
            var start = D(row.GetProperty("start"));
            var credits = D(row.GetProperty("credits"));
            var debits = D(row.GetProperty("debits"));
            var balance = D(row.GetProperty("balance"));
            var holds = D(row.GetProperty("holds"));
            Assert.Equal(start + credits - debits, balance);
            Assert.True(holds >= 0 && holds <= balance, $"holds {holds} vs balance {balance}");
            Assert.Equal(balance - holds, D(row.GetProperty("available")));
        }
    }

    public static decimal D(JsonElement element) => decimal.Parse(element.GetString()!, CultureInfo.InvariantCulture);

    public static object Transfer(string amount = "1.5", string? clientId = null, string target = "123456", string asset = "TONCOIN") =>
        new { target, targetType = "telegram_user_id", asset, amount, clientTransferId = clientId, description = "test" };
}
