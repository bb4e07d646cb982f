using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace XRocketPay.Sandbox.Tests;

public sealed class TransportTests : IClassFixture<SandboxApi>, IAsyncLifetime
{
    private readonly SandboxApi _api;

    public TransportTests(SandboxApi api) => _api = api;

    public Task InitializeAsync() => _api.Reset();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Cursor_paging_is_newest_first_and_stable_under_inserts()
    {
        for (var i = 0; i < 5; i++)
        {
            await _api.Post("api/v1/transfers", SandboxApi.Transfer("1", "p-" + i));
        }

        var seen = new List<string>();
        var first = await _api.Get("api/v1/transfers?limit=2");
        Assert.Equal(5, first.Body.GetProperty("pagination").GetProperty("total").GetInt32());
        seen.AddRange(Ids(first));
        var cursor = first.Body.GetProperty("pagination").GetProperty("next").GetString();

        // Inserts between pages must neither repeat nor skip anything already being paged.
        await _api.Post("api/v1/transfers", SandboxApi.Transfer("1", "late-1"));
        await _api.Post("api/v1/transfers", SandboxApi.Transfer("1", "late-2"));
        while (cursor is not null)
        {
            var page = await _api.Get("api/v1/transfers?limit=2&cursor=" + Uri.EscapeDataString(cursor));
            seen.AddRange(Ids(page));
            var next = page.Body.GetProperty("pagination").GetProperty("next");
            cursor = next.ValueKind == JsonValueKind.Null ? null : next.GetString();
        }

        Assert.Equal(new[] { "p-4", "p-3", "p-2", "p-1", "p-0" }, seen);
        Assert.Equal("client_data_validation", (await _api.Get("api/v1/transfers?limit=0")).Code);
        Assert.Equal("client_data_validation", (await _api.Get("api/v1/transfers?limit=1001")).Code);
        Assert.Equal("client_data_validation", (await _api.Get("api/v1/transfers?cursor=garbage")).Code);
    }

    [Fact]
    public async Task Rate_limit_answers_429_with_Retry_After_when_switched_on()
    {
        await _api.Put("sandbox/config", new { rateLimitPerMinute = 2 });
        Assert.Equal(HttpStatusCode.OK, (await _api.Get("api/v1/balances")).Status);
        Assert.Equal(HttpStatusCode.OK, (await _api.Get("api/v1/balances")).Status);
        var limited = await _api.Get("api/v1/balances");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("rate_limit_exceeded", limited.Code);
        Assert.True(limited.Response.Headers.RetryAfter!.Delta!.Value.TotalSeconds >= 1);
        Assert.Equal(HttpStatusCode.OK, (await _api.Get("api/v1/app-info")).Status);
    }

    [Fact]
    public async Task Status_fault_fails_the_next_calls_without_executing()
    {
        await _api.Post("sandbox/faults", new { path = "/api/v1/transfers", method = "POST", mode = "status", status = 503, count = 2 });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await _api.Post("api/v1/transfers", SandboxApi.Transfer())).Status);
        var second = await _api.Post("api/v1/transfers", SandboxApi.Transfer());
        Assert.Equal("internal_error", second.Code);
        Assert.Equal(10_000m, await _api.Balance("TONCOIN"));
        Assert.Equal(HttpStatusCode.Created, (await _api.Post("api/v1/transfers", SandboxApi.Transfer())).Status);

        await _api.Post("sandbox/faults", new { path = "/api/v1/balances", mode = "status", status = 429, retryAfterSeconds = 3 });
        var limited = await _api.Get("api/v1/balances");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal(TimeSpan.FromSeconds(3), limited.Response.Headers.RetryAfter!.Delta);
    }

    [Fact]
    public async Task Delay_fault_waits_then_executes()
    {
        await _api.Post("sandbox/faults", new { path = "/api/v1/balances", mode = "delay", delayMs = 300 });
        var started = DateTime.UtcNow;
        Assert.Equal(HttpStatusCode.OK, (await _api.Get("api/v1/balances")).Status);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task Drop_fault_aborts_the_connection_without_executing()
    {
        await _api.Post("sandbox/faults", new { path = "/api/v1/transfers", mode = "drop" });
        await Assert.ThrowsAsync<HttpRequestException>(() => _api.Post("api/v1/transfers", SandboxApi.Transfer("1", "drop-1")));
        Assert.Equal(10_000m, await _api.Balance("TONCOIN"));
        Assert.Equal("not_found", (await _api.Get("api/v1/transfer?clientTransferId=drop-1")).Code);
    }

    [Fact]
    public async Task Malformed_fault_answers_a_broken_body()
    {
        await _api.Post("sandbox/faults", new { path = "/api/v1/transfers", method = "GET", mode = "malformed" });
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/transfers");
        request.Headers.Authorization = new("Bearer", SandboxOptions.DefaultToken);
        using var response = await _api.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(response.Content.ReadAsStringAsync().Result));
    }

    [Fact]
    public async Task After_commit_fault_moves_the_money_then_loses_the_answer()
    {
        await _api.Post("sandbox/faults", new { path = "/api/v1/transfers", mode = "after-commit", status = 502 });
        var lost = await _api.Post("api/v1/transfers", SandboxApi.Transfer("7", "ac-1"));
        Assert.Equal(HttpStatusCode.BadGateway, lost.Status);
        Assert.Equal(10_000m - 7m, await _api.Balance("TONCOIN"));
        Assert.Equal("client_id_already_taken", (await _api.Post("api/v1/transfers", SandboxApi.Transfer("7", "ac-1"))).Code);
        Assert.Equal("7", (await _api.Get("api/v1/transfer?clientTransferId=ac-1")).S("amount"));

        await _api.Post("sandbox/faults", new { path = "/api/v1/transfers", mode = "after-commit", status = 0 });
        await Assert.ThrowsAsync<HttpRequestException>(() => _api.Post("api/v1/transfers", SandboxApi.Transfer("1", "ac-2")));
        Assert.Equal(10_000m - 8m, await _api.Balance("TONCOIN"));
        await _api.AssertLedgerInvariant();
    }

    [Fact]
    public async Task Request_log_records_api_calls_and_can_be_cleared()
    {
        await _api.Get("api/v1/balances");
        await _api.Post("api/v1/transfers", SandboxApi.Transfer("1", "log-1"));
        var items = (await _api.Get("sandbox/requests")).Body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(new[] { "GET /api/v1/balances", "POST /api/v1/transfers" }, items.Select(i => i.GetProperty("method").GetString() + " " + i.GetProperty("path").GetString()));
        Assert.Contains("log-1", items[1].GetProperty("body").GetString());
        await _api.Delete("sandbox/requests");
        Assert.Equal(0, (await _api.Get("sandbox/requests")).Body.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Webhooks_are_signed_v1_deliveries_to_loopback_callbacks()
    {
        var sink = new Uri(_api.Server.BaseUri, "sandbox/webhook-sink").ToString();
        var invoice = await _api.Post("api/v1/invoices", new { priceCurrency = "TONCOIN", priceAmount = "3", callback = new { callbackUrl = sink } });
        await _api.Post("api/v1/invoice/pay-test?invoiceId=" + invoice.S("id"), null);
        await _api.Post("api/v1/transfers", new { target = "5", targetType = "telegram_user_id", asset = "TONCOIN", amount = "1", callback = new { callbackUrl = "https://example.com/hook" } });

        JsonElement delivery = default;
        for (var i = 0; i < 100 && delivery.ValueKind == JsonValueKind.Undefined; i++)
        {
            var items = (await _api.Get("sandbox/webhook-sink")).Body.GetProperty("items");
            if (items.GetArrayLength() > 0)
            {
                delivery = items[0];
            }
            else
            {
                await Task.Delay(50);
            }
        }

        var headers = delivery.GetProperty("headers");
        var body = delivery.GetProperty("body").GetString()!;
        var timestamp = headers.GetProperty("Signature-Timestamp").GetString()!;
        Assert.Equal("v1", headers.GetProperty("Signature-Version").GetString());
        var expected = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SandboxOptions.DefaultWebhookSecret), Encoding.UTF8.GetBytes(timestamp + "." + body))).ToLowerInvariant();
        Assert.Equal(expected, headers.GetProperty("Signature").GetString());
        using var envelope = JsonDocument.Parse(body);
        Assert.Equal("invoice", envelope.RootElement.GetProperty("type").GetString());
        Assert.Equal(invoice.S("id"), envelope.RootElement.GetProperty("data").GetProperty("invoice").GetProperty("id").GetString());

        // Off-box callbacks are never contacted.
        var deliveries = (await _api.Get("sandbox/webhooks")).Body.GetProperty("items").EnumerateArray();
        Assert.Contains(deliveries, d => d.GetProperty("url").GetString() == "https://example.com/hook" && d.GetProperty("status").GetString()!.StartsWith("skipped", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Ids(SandboxApi.Reply page) =>
        page.Body.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("clientTransferId").GetString()!);
}

public sealed class HostingTests
{
    [Fact]
    public async Task State_file_keeps_state_across_restarts()
    {
        var file = Path.Combine(Path.GetTempPath(), "xrocket-sandbox-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var options = new SandboxOptions { StateFile = file };
            await using (var first = await SandboxServer.StartAsync(options))
            {
                using var http = new HttpClient { BaseAddress = first.BaseUri };
                http.DefaultRequestHeaders.Authorization = new("Bearer", first.Token);
                var response = await http.PostAsync("api/v1/transfers", new StringContent(JsonSerializer.Serialize(SandboxApi.Transfer("12.5", "persist-1")), Encoding.UTF8, "application/json"));
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            }

            Assert.True(File.Exists(file));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(file)!, "." + Path.GetFileName(file) + ".*.tmp"));
            await using var second = await SandboxServer.StartAsync(new SandboxOptions { StateFile = file });
            using var again = new HttpClient { BaseAddress = second.BaseUri };
            again.DefaultRequestHeaders.Authorization = new("Bearer", second.Token);
            var transfer = await again.GetStringAsync("api/v1/transfer?clientTransferId=persist-1");
            Assert.Contains("\"amount\":\"12.5\"", transfer);
            var ledger = await again.GetStringAsync("sandbox/ledger");
            Assert.Contains("\"asset\":\"TONCOIN\",\"start\":\"10000\",\"credits\":\"0\",\"debits\":\"12.5\"", ledger);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Binds_loopback_only_unless_told_otherwise_and_reports_the_real_port()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => SandboxServer.StartAsync(new SandboxOptions { Urls = "http://0.0.0.0:0" }));
        await Assert.ThrowsAsync<ArgumentException>(() => SandboxServer.StartAsync(new SandboxOptions { Urls = "http://192.168.1.10:5080" }));
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Urls = "http://127.0.0.1:0" });
        Assert.NotEqual(0, server.BaseUri.Port);
        Assert.Equal("sandbox-token", server.Token);
    }

    [Fact]
    public async Task Custom_tokens_and_balances_apply()
    {
        var options = new SandboxOptions();
        options.Tokens.Clear();
        options.Tokens.Add("my-token");
        options.StartingBalances.Clear();
        options.StartingBalances["TONCOIN"] = 5m;
        await using var server = await SandboxServer.StartAsync(options);
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        http.DefaultRequestHeaders.Authorization = new("Bearer", "my-token");
        var balances = await http.GetStringAsync("api/v1/balances");
        Assert.Equal("{\"balances\":[{\"asset\":\"TONCOIN\",\"balance\":\"5\",\"available\":\"5\",\"holds\":\"0\"}]}", balances);
        http.DefaultRequestHeaders.Authorization = new("Bearer", "sandbox-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("api/v1/balances")).StatusCode);
    }
}
