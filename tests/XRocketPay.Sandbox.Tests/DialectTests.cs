using System.Net;
using System.Text.Json;

namespace XRocketPay.Sandbox.Tests;

/// <summary>Issue 9: the two dialects, the live problem codes and status codes (SOURCES §3, §4, §5).</summary>
public sealed class DialectTests : IClassFixture<SandboxPair>
{
    private readonly SandboxPair _sandboxes;

    public DialectTests(SandboxPair sandboxes) => _sandboxes = sandboxes;

    [Theory, ClassData(typeof(BothDialects))]
    public async Task The_other_dialects_routes_answer_the_NestJS_route_not_found_even_without_a_token(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        var other = Names.For(dialect == SandboxDialect.Payouts ? SandboxDialect.Transfers : SandboxDialect.Payouts);
        foreach (var token in new[] { SandboxDefaults.Token, null })
        {
            var single = await api.Get($"{other.Single}?{other.ClientId}=probe", token);
            Assert.Equal(HttpStatusCode.NotFound, single.Status);
            Assert.Equal($"Cannot GET /{other.Single}?{other.ClientId}=probe", single.S("message"));
            Assert.Equal("Not Found", single.S("error"));
            Assert.Equal(404, single.Body.GetProperty("statusCode").GetInt32());
            Assert.Equal("application/json", single.Response.Content.Headers.ContentType!.MediaType);
        }

        var pay = await api.Post(other.Collection, new Dictionary<string, object?> { ["target"] = "5", ["targetType"] = "telegram_user_id", ["asset"] = "TONCOIN", ["amount"] = "1" });
        Assert.Equal($"Cannot POST /{other.Collection}", pay.S("message"));
        Assert.Equal("Cannot POST /" + other.Mass, (await api.Post(other.Mass, new { asset = "TONCOIN" })).S("message"));
        Assert.Equal(10_000m, api.Balance("TONCOIN"));
        Assert.Equal(dialect.ToString().ToLowerInvariant(), api.Config().GetProperty("dialect").GetString());
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task The_single_item_route_answers_its_not_found_and_missing_identifier_codes(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        var unknown = await api.GetTransferByClientId(Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(api.Names.NotFound, unknown.Code);
        Assert.EndsWith("_not_found", unknown.Code);
        Assert.Equal("not_found", unknown.S("kind"));
        var missing = await api.Get(api.Names.Single);
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Equal(api.Names.Missing, missing.Code);
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Transfers_are_named_per_dialect_finished_and_sent_as_payout_webhooks(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        var body = api.Transfer("2", "n-1");
        body["callback"] = new { callbackUrl = api.WebhookSink.ToString() };
        var sent = await api.Post(api.Names.Collection, body);
        Assert.Equal(HttpStatusCode.Created, sent.Status);
        Assert.Equal("finished", sent.S("status"));
        Assert.Equal("n-1", sent.S(api.Names.ClientId));
        Assert.True(sent.Has(api.Names.Id));
        var listed = (await api.Get(api.Names.Collection)).Body.GetProperty("items")[0];
        Assert.Equal("n-1", listed.GetProperty(api.Names.ClientId).GetString());
        Assert.Equal(1, (await api.Get(api.Names.Collection)).Body.GetProperty("pagination").GetProperty("total").GetInt32());

        var envelope = await FirstWebhook(api);
        Assert.Equal("payout", envelope.GetProperty("type").GetString());
        Assert.Equal(sent.S(api.Names.Id), envelope.GetProperty("data").GetProperty(api.Names.Id).GetString());
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Validation_is_validation_error_and_codes_are_on_the_live_list(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        var invalid = await api.PostTransfer("abc");
        Assert.Equal("validation_error", invalid.Code);
        Assert.Equal("client_data_validation", invalid.S("kind"));
        foreach (var field in new[] { "type", "title", "status", "detail", "instance", "kind" })
        {
            Assert.True(invalid.Has(field), field);
        }

        Assert.Equal("missing_cheque_identifier", (await api.Get("api/v1/cheque")).Code);
        Assert.Equal("app_cheque_not_found", (await api.Get("api/v1/cheque?chequeId=1")).Code);
        Assert.Equal("missing_invoice_identifier", (await api.Get("api/v1/invoice")).Code);
        Assert.Equal("invoice_not_found", (await api.Get("api/v1/invoice?clientInvoiceId=nope")).Code);
        Assert.Equal("app_withdrawal_not_found", (await api.Get("api/v1/withdrawal?clientWithdrawalId=nope")).Code);
        Assert.Equal("validation_error", (await api.Get("api/v1/withdrawal")).Code);
        Assert.Equal("unauthorized", (await api.Get("api/v1/balances", token: "wrong")).Code);
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Status_codes_follow_the_saved_live_spec(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        var invoice = await api.Post("api/v1/invoices", new { priceCurrency = "USDT", priceAmount = "5" });
        Assert.Equal(HttpStatusCode.OK, invoice.Status);
        Assert.Equal(HttpStatusCode.Created, (await api.Post("api/v1/invoices/payments/address?invoiceId=" + invoice.S("id"), new { payNetwork = "TON" })).Status);
        var deleted = await api.Delete("api/v1/invoice?invoiceId=" + invoice.S("id"));
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal("invoice_not_found", (await api.Get("api/v1/invoice?invoiceId=" + invoice.S("id"))).Code);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Get("api/v1/invoice?invoiceId=" + invoice.S("id"))).Status);
        var cheque = await api.Post("api/v1/cheques", new { asset = "USDT", amount = "1" });
        Assert.Equal(HttpStatusCode.OK, (await api.Delete("api/v1/cheques?chequeId=" + cheque.S("chequeId"))).Status);
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Invoice_payments_page_with_next_only_and_pay_test_stays(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        var invoice = await api.Post("api/v1/invoices", new { priceCurrency = "TONCOIN", priceAmount = "1", numPayments = 3 });
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await api.Post("api/v1/invoice/pay-test?invoiceId=" + invoice.S("id"), null)).Status);
        }

        var first = await api.Get($"api/v1/invoice/payments?invoiceId={invoice.S("id")}&limit=2");
        var pagination = first.Body.GetProperty("pagination");
        Assert.Equal(new[] { "next" }, pagination.EnumerateObject().Select(p => p.Name));
        var last = await api.Get($"api/v1/invoice/payments?invoiceId={invoice.S("id")}&limit=2&cursor={Uri.EscapeDataString(pagination.GetProperty("next").GetString()!)}");
        Assert.Equal(1, last.Body.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, last.Body.GetProperty("pagination").GetProperty("next").ValueKind);
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Rates_accept_both_assets_encodings(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        foreach (var query in new[] { "assets=BTC&assets=ETH", "assets=BTC,ETH", "assets=%5B%22BTC%22,%22ETH%22%5D" })
        {
            var rates = await api.Get("api/v1/rates?base=USD&" + query, token: null);
            Assert.Equal(new[] { "BTC", "ETH" }, rates.Body.EnumerateArray().Select(r => r.GetProperty("currency").GetString()));
        }
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Invoices_take_exactly_one_amount_and_used_cheques_stay_as_they_are(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        Assert.Equal("missing_invoice_amount", (await api.Post("api/v1/invoices", new { priceCurrency = "USDT" })).Code);
        Assert.Equal("amount_conflict", (await api.Post("api/v1/invoices", new { priceCurrency = "USDT", priceAmount = "2", minPayment = "1" })).Code);
        var open = await api.Post("api/v1/invoices", new { priceCurrency = "USDT", minPayment = "1" });
        Assert.Equal("paid", (await api.Post("api/v1/invoice/pay-test?invoiceId=" + open.S("id"), new { amount = "3" })).S("status"));

        var cheque = await api.Post("api/v1/cheques", new { asset = "USDT", amount = "1" });
        api.RedeemCheque(cheque.S("chequeId"));
        Assert.Equal("cheque_already_used", (await api.Put("api/v1/cheques?chequeId=" + cheque.S("chequeId"), new { description = "late" })).Code);
        Assert.Equal("cheque_already_used", (await api.Delete("api/v1/cheques?chequeId=" + cheque.S("chequeId"))).Code);
        Assert.Equal("validation_error", (await api.Post("api/v1/cheques", new { asset = "USDT", amount = "1", clientChequeId = new string('c', 51) })).Code);
    }

    internal static async Task<JsonElement> FirstWebhook(SandboxApi api)
    {
        for (var i = 0; i < 100; i++)
        {
            var items = api.ReceivedWebhooks();
            if (items.Count > 0)
            {
                return JsonDocument.Parse(items[0].Body).RootElement.Clone();
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("No webhook arrived.");
    }
}
