using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace XRocketPay.Sandbox.Tests;

public sealed class TransportTests : IClassFixture<SandboxPair>
{
    private readonly SandboxPair _sandboxes;

    public TransportTests(SandboxPair sandboxes) => _sandboxes = sandboxes;

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Cursor_paging_is_newest_first_and_stable_under_inserts(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        for (var i = 0; i < 5; i++)
        {
            await api.PostTransfer("1", "p-" + i);
        }

        var seen = new List<string>();
        var first = await api.Get(api.Names.Collection + "?limit=2");
        Assert.Equal(5, first.Body.GetProperty("pagination").GetProperty("total").GetInt32());
        seen.AddRange(Ids(api, first));
        var cursor = first.Body.GetProperty("pagination").GetProperty("next").GetString();

        // Inserts between pages must neither repeat nor skip anything already being paged.
        await api.PostTransfer("1", "late-1");
        await api.PostTransfer("1", "late-2");
        while (cursor is not null)
        {
            var page = await api.Get(api.Names.Collection + "?limit=2&cursor=" + Uri.EscapeDataString(cursor));
            seen.AddRange(Ids(api, page));
            var next = page.Body.GetProperty("pagination").GetProperty("next");
            cursor = next.ValueKind == JsonValueKind.Null ? null : next.GetString();
        }

        Assert.Equal(new[] { "p-4", "p-3", "p-2", "p-1", "p-0" }, seen);
        Assert.Equal("validation_error", (await api.Get(api.Names.Collection + "?limit=0")).Code);
        Assert.Equal("validation_error", (await api.Get(api.Names.Collection + "?limit=1001")).Code);
        Assert.Equal("validation_error", (await api.Get(api.Names.Collection + "?cursor=garbage")).Code);
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Rate_limit_answers_429_with_Retry_After_when_switched_on(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        api.SetConfig(new { rateLimitPerMinute = 2 });
        Assert.Equal(HttpStatusCode.OK, (await api.Get("api/v1/balances")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.Get("api/v1/balances")).Status);
        var limited = await api.Get("api/v1/balances");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("rate_limit_exceeded", limited.Code);
        Assert.True(limited.Response.Headers.RetryAfter!.Delta!.Value.TotalSeconds >= 1);
        Assert.Equal(HttpStatusCode.OK, (await api.Get("api/v1/app-info")).Status);
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Status_fault_fails_the_next_calls_without_executing(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        api.AddFault(new { path = "/" + api.Names.Collection, method = "POST", mode = "status", status = 503, count = 2 });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await api.PostTransfer()).Status);
        var second = await api.PostTransfer();
        Assert.Equal("internal_error", second.Code);
        Assert.Equal(10_000m, api.Balance("TONCOIN"));
        Assert.Equal(HttpStatusCode.Created, (await api.PostTransfer()).Status);

        api.AddFault(new { path = "/api/v1/balances", mode = "status", status = 429, retryAfterSeconds = 3 });
        var limited = await api.Get("api/v1/balances");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal(TimeSpan.FromSeconds(3), limited.Response.Headers.RetryAfter!.Delta);
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Delay_fault_waits_then_executes(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        api.AddFault(new { path = "/api/v1/balances", mode = "delay", delayMs = 300 });
        var started = DateTime.UtcNow;
        Assert.Equal(HttpStatusCode.OK, (await api.Get("api/v1/balances")).Status);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(250));
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Drop_fault_aborts_the_connection_without_executing(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        api.AddFault(new { path = "/" + api.Names.Collection, mode = "drop" });
        await Assert.ThrowsAsync<HttpRequestException>(() => api.PostTransfer("1", "drop-1"));
        Assert.Equal(10_000m, api.Balance("TONCOIN"));
        Assert.Equal(api.Names.NotFound, (await api.GetTransferByClientId("drop-1")).Code);
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Malformed_fault_answers_a_broken_body(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        api.AddFault(new { path = "/" + api.Names.Collection, method = "GET", mode = "malformed" });
        using var request = new HttpRequestMessage(HttpMethod.Get, api.Names.Collection);
        request.Headers.Authorization = new("Bearer", SandboxDefaults.Token);
        using var response = await api.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(response.Content.ReadAsStringAsync().Result));
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task After_commit_fault_moves_the_money_then_loses_the_answer(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        api.AddFault(new { path = "/" + api.Names.Collection, mode = "after-commit", status = 502 });
        var lost = await api.PostTransfer("7", "ac-1");
        Assert.Equal(HttpStatusCode.BadGateway, lost.Status);
        Assert.Equal(10_000m - 7m, api.Balance("TONCOIN"));
        Assert.Equal(api.Names.Duplicate, (await api.PostTransfer("7", "ac-1")).Code);
        Assert.Equal("7", (await api.GetTransferByClientId("ac-1")).S("amount"));

        api.AddFault(new { path = "/" + api.Names.Collection, mode = "after-commit", status = 0 });
        await Assert.ThrowsAsync<HttpRequestException>(() => api.PostTransfer("1", "ac-2"));
        Assert.Equal(10_000m - 8m, api.Balance("TONCOIN"));
        api.AssertLedgerInvariant();
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Request_log_records_api_calls_and_can_be_cleared(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        await api.Get("api/v1/balances");
        await api.PostTransfer("1", "log-1");
        var items = (await api.Get("sandbox/requests")).Body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(new[] { "GET /api/v1/balances", "POST /" + api.Names.Collection }, items.Select(i => i.GetProperty("method").GetString() + " " + i.GetProperty("path").GetString()));
        Assert.Contains("log-1", items[1].GetProperty("body").GetString());
        await api.Delete("sandbox/requests");
        Assert.Equal(0, (await api.Get("sandbox/requests")).Body.GetProperty("items").GetArrayLength());
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Webhooks_are_signed_v1_deliveries_to_loopback_callbacks(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        var sink = api.WebhookSink.ToString();
        var invoice = await api.Post("api/v1/invoices", new { priceCurrency = "TONCOIN", priceAmount = "3", callback = new { callbackUrl = sink } });
        await api.Post("api/v1/invoice/pay-test?invoiceId=" + invoice.S("id"), null);
        await api.Post(api.Names.Collection, new { target = "5", targetType = "telegram_user_id", asset = "TONCOIN", amount = "1", callback = new { callbackUrl = "https://example.com/hook" } });

        JsonElement delivery = default;
        for (var i = 0; i < 100 && delivery.ValueKind == JsonValueKind.Undefined; i++)
        {
            var items = (await api.Get("sandbox/webhook-sink")).Body.GetProperty("items");
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
        var expected = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SandboxDefaults.WebhookSecret), Encoding.UTF8.GetBytes(timestamp + "." + body))).ToLowerInvariant();
        Assert.Equal(expected, headers.GetProperty("Signature").GetString());
        using var envelope = JsonDocument.Parse(body);
        Assert.Equal("invoice", envelope.RootElement.GetProperty("type").GetString());
        Assert.Equal(invoice.S("id"), envelope.RootElement.GetProperty("data").GetProperty("invoice").GetProperty("id").GetString());

        // Off-box callbacks are never contacted.
        Assert.Contains(api.WebhookDeliveries(), d => d.Url == "https://example.com/hook" && d.Status.StartsWith("skipped", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Ids(SandboxApi api, SandboxApi.Reply page) =>
        page.Body.GetProperty("items").EnumerateArray().Select(t => t.GetProperty(api.Names.ClientId).GetString()!);
}

public sealed class HostingTests
{
    [Theory, ClassData(typeof(BothDialects))]
    public async Task State_file_keeps_state_across_restarts(SandboxDialect dialect)
    {
        using var api = new SandboxApi(new SandboxOptions { Dialect = dialect });
        var file = Path.Combine(Path.GetTempPath(), "xrocket-sandbox-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var options = new SandboxOptions { StateFile = file, Dialect = dialect };
            await using (var first = await SandboxServer.StartAsync(options))
            {
                using var http = new HttpClient { BaseAddress = first.BaseUri };
                http.DefaultRequestHeaders.Authorization = new("Bearer", first.Token);
                var response = await http.PostAsync(api.Names.Collection, new StringContent(JsonSerializer.Serialize(api.Transfer("12.5", "persist-1")), Encoding.UTF8, "application/json"));
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            }

            Assert.True(File.Exists(file));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(file)!, "." + Path.GetFileName(file) + ".*.tmp"));
            await using var second = await SandboxServer.StartAsync(new SandboxOptions { StateFile = file, Dialect = dialect });
            using var again = new HttpClient { BaseAddress = second.BaseUri };
            again.DefaultRequestHeaders.Authorization = new("Bearer", second.Token);
            var transfer = await again.GetStringAsync($"{api.Names.Single}?{api.Names.ClientId}=persist-1");
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
