using System.Net;
using System.Text.Json;

namespace XRocketPay.Sandbox.Tests;

/// <summary>Issue 16: what the live API is known to answer, in the full shape and in <c>--shape evidence</c>.</summary>
public sealed class FidelityTests : EveryModeTests
{
    private const string TonAddress = "0:ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12";

    public FidelityTests(SandboxPair full, EvidencePair evidence)
        : base(full, evidence)
    {
    }

    [Theory, MemberData(nameof(EveryMode))]
    public async Task Deleted_cheques_leave_lists_and_read_by_id_as_deleted(SandboxDialect dialect, SandboxShape shape)
    {
        var api = Fresh(dialect, shape);
        var kept = await api.Post("api/v1/cheques", new { asset = "USDT", amount = "1", clientChequeId = "keep" });
        var gone = await api.Post("api/v1/cheques", new { asset = "USDT", amount = "2", clientChequeId = "gone" });
        await api.Delete("api/v1/cheques?clientChequeId=gone");

        var listed = (await api.Get("api/v1/cheques")).Body;
        Assert.Equal(new[] { kept.S("chequeId") }, listed.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("chequeId").GetString()));
        Assert.Equal(1, listed.GetProperty("pagination").GetProperty("total").GetInt32());
        Assert.DoesNotContain(gone.S("chequeId"), (await api.Get("api/v1/cheques?state=active&limit=10")).Body.GetProperty("items").EnumerateArray()
            .Select(c => c.GetProperty("chequeId").GetString()));
        var byId = await api.Get("api/v1/cheque?chequeId=" + gone.S("chequeId"));
        Assert.True(byId.Body.GetProperty("deleted").GetBoolean());
        Assert.Contains(byId.S("state"), new[] { "active", "completed", "draft", "error" });
        Assert.Equal("validation_error", (await api.Get("api/v1/cheques?state=cancelled")).Code);
    }

    [Theory, MemberData(nameof(EveryMode))]
    public async Task Nullable_fields_are_sent_as_null(SandboxDialect dialect, SandboxShape shape)
    {
        var api = Fresh(dialect, shape);
        api.SetConfig(new { withdrawalCompletionDelayMs = 60_000 });
        var withdrawal = await api.Post("api/v1/withdrawals", new { clientWithdrawalId = "nul-1", network = "TON", address = TonAddress, asset = "TONCOIN", amount = "1" });
        Assert.Equal("CREATED", withdrawal.S("status"));
        Assert.Equal(JsonValueKind.Null, withdrawal.Body.GetProperty("txHash").ValueKind);
        Assert.Equal(JsonValueKind.Null, withdrawal.Body.GetProperty("txLink").ValueKind);
        var listed = (await api.Get("api/v1/withdrawals")).Body.GetProperty("items")[0];
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("txHash").ValueKind);

        var invoice = await api.Post("api/v1/invoices", new { priceCurrency = "USDT", priceAmount = "3" });
        Assert.Equal(JsonValueKind.Null, invoice.Body.GetProperty("minPayment").ValueKind);
        var open = await api.Post("api/v1/invoices", new { priceCurrency = "USDT", minPayment = "1" });
        Assert.Equal(JsonValueKind.Null, open.Body.GetProperty("priceAmount").ValueKind);
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Evidence_shape_drops_every_field_no_public_source_shows(SandboxDialect dialect)
    {
        var api = Fresh(dialect, SandboxShape.Evidence);
        var withdrawal = await api.Post("api/v1/withdrawals", new { clientWithdrawalId = "ev-1", network = "TON", address = TonAddress, asset = "TONCOIN", amount = "1" });
        Assert.False(withdrawal.Has("clientWithdrawalId"));
        Assert.False((await api.Get("api/v1/withdrawal?clientWithdrawalId=ev-1")).Has("clientWithdrawalId"));
        Assert.Equal(withdrawal.S("withdrawalId"), (await api.Get("api/v1/withdrawal?clientWithdrawalId=ev-1")).S("withdrawalId"));

        var cheque = await api.Post("api/v1/cheques", new { asset = "USDT", amount = "1" });
        Assert.False(cheque.Has("amount"));
        Assert.False((await api.Get("api/v1/cheques")).Body.GetProperty("items")[0].TryGetProperty("amount", out _));
        var invoice = await api.Post("api/v1/invoices", new { priceCurrency = "USDT", priceAmount = "3", numPayments = 2 });
        Assert.False(invoice.Has("numPayments"));

        // What sources do show stays, in the dialect's names.
        var sent = await api.PostTransfer("1", "ev-t");
        foreach (var field in new[] { api.Names.Id, api.Names.ClientId, "target", "targetType", "asset", "amount", "status" })
        {
            Assert.True(sent.Has(field), field);
        }

        Assert.Equal("evidence", api.Config().GetProperty("shape").GetString());
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Evidence_shape_keeps_the_app_id_that_four_v1_clients_declare(SandboxDialect dialect)
    {
        // Issue 30 item 4: S2, S4 and two more public v1 clients declare app-info's id (SOURCES §5.2).
        var app = await (Fresh(dialect, SandboxShape.Evidence)).Get("api/v1/app-info");
        Assert.False(string.IsNullOrEmpty(app.S("id")));
        Assert.Equal("XRocketPay Sandbox", app.S("name"));
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Evidence_shape_applies_to_webhook_data_too(SandboxDialect dialect)
    {
        var api = Fresh(dialect, SandboxShape.Evidence);
        var sink = new { callbackUrl = api.WebhookSink.ToString() };
        var created = await api.Post("api/v1/withdrawals", new { clientWithdrawalId = "wh-1", network = "TON", address = TonAddress, asset = "TONCOIN", amount = "1", callback = sink });
        await api.Post("sandbox/withdrawals/complete?withdrawalId=" + created.S("withdrawalId"), null);
        var envelope = await DialectTests.FirstWebhook(api);
        Assert.Equal("withdrawal", envelope.GetProperty("type").GetString());
        var data = envelope.GetProperty("data");
        Assert.False(data.TryGetProperty("clientWithdrawalId", out _));
        Assert.Equal("COMPLETED", data.GetProperty("status").GetString());
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Full_shape_still_sends_what_the_sandbox_knows(SandboxDialect dialect)
    {
        var api = Fresh(dialect, SandboxShape.Full);
        Assert.True((await api.Post("api/v1/cheques", new { asset = "USDT", amount = "1" })).Has("amount"));
        Assert.True((await api.Post("api/v1/withdrawals", new { clientWithdrawalId = "full-1", network = "TON", address = TonAddress, asset = "TONCOIN", amount = "1" })).Has("clientWithdrawalId"));
        Assert.Equal(HttpStatusCode.OK, (await api.Post("api/v1/invoices", new { priceCurrency = "USDT", priceAmount = "3" })).Status);
    }
}
