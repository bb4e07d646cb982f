using System.Net;

namespace XRocketPay.Sandbox.Tests;

public sealed class LedgerAndMoneyTests : IClassFixture<SandboxPair>
{
    private readonly SandboxPair _sandboxes;

    public LedgerAndMoneyTests(SandboxPair sandboxes) => _sandboxes = sandboxes;

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Health_and_balances_answer_with_the_default_token_and_documented_starting_balances(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        Assert.Equal(HttpStatusCode.OK, (await api.Get("health", token: null)).Status);
        var balances = await api.Get("api/v1/balances");
        Assert.Equal(HttpStatusCode.OK, balances.Status);
        var assets = balances.Body.GetProperty("balances").EnumerateArray().ToDictionary(b => b.GetProperty("asset").GetString()!, b => SandboxApi.D(b.GetProperty("balance")));
        foreach (var asset in new[] { "TONCOIN", "USDT", "BTC", "ETH", "TRX", "SOL" })
        {
            Assert.True(assets[asset] >= 10_000m, asset);
        }
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Private_endpoints_need_a_valid_token_and_public_ones_do_not(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        var missing = await api.Get("api/v1/balances", token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.Status);
        Assert.Equal("unauthorized", missing.Code);
        Assert.Equal("application/problem+json", missing.Response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Get("api/v1/balances", token: "wrong")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.Get("api/v1/currencies", token: null)).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.Get("api/v1/rates?base=USD&assets=TONCOIN", token: null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Get("api/v1/currencies", token: "wrong")).Status);
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task A_transfer_debits_at_once_and_keeps_the_ledger_invariant(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        var before = api.Balance("TONCOIN");
        var reply = await api.PostTransfer("1.123456789", "t-1");
        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.Equal("1.123456789", reply.S("amount"));
        Assert.Equal("t-1", reply.S(api.Names.ClientId));
        Assert.IsType<string>(reply.S(api.Names.Id));
        Assert.Equal(before - 1.123456789m, api.Balance("TONCOIN"));
        api.AssertLedgerInvariant();

        var byClientId = await api.GetTransferByClientId("t-1");
        Assert.Equal(reply.S(api.Names.Id), byClientId.S(api.Names.Id));
        var byId = await api.Get($"{api.Names.Single}?{api.Names.Id}={reply.S(api.Names.Id)}&{api.Names.ClientId}=other");
        Assert.Equal("t-1", byId.S(api.Names.ClientId));
        Assert.Equal(api.Names.NotFound, (await api.Get($"{api.Names.Single}?{api.Names.Id}=1")).Code);
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task A_repeated_client_id_is_refused_and_never_moves_money_twice(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        await api.PostTransfer("2", "dup");
        var balance = api.Balance("TONCOIN");
        var repeat = await api.PostTransfer("2", "dup");
        Assert.Equal(HttpStatusCode.BadRequest, repeat.Status);
        Assert.Equal(api.Names.Duplicate, repeat.Code);
        Assert.Equal(balance, api.Balance("TONCOIN"));
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Fifty_parallel_repeats_of_one_client_id_debit_exactly_once(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        var before = api.Balance("USDT");
        var replies = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => api.PostTransfer("3", "race", asset: "USDT")));
        Assert.Single(replies, r => r.Status == HttpStatusCode.Created);
        Assert.Equal(49, replies.Count(r => r.Status == HttpStatusCode.BadRequest && r.Code == api.Names.Duplicate));
        Assert.Equal(before - 3m, api.Balance("USDT"));
        api.AssertLedgerInvariant();
    }

    public static TheoryData<SandboxDialect, string> BadAmounts()
    {
        var data = new TheoryData<SandboxDialect, string>();
        foreach (var dialect in new[] { SandboxDialect.Transfers, SandboxDialect.Payouts })
        {
            foreach (var amount in new[] { "1,5", "", "-1", "0", "1e3", "1.1234567891", " 1" })
            {
                data.Add(dialect, amount);
            }
        }

        return data;
    }

    [Theory, MemberData(nameof(BadAmounts))]
    public async Task Bad_amounts_are_validation_problems(SandboxDialect dialect, string amount)
    {
        var api = _sandboxes.Fresh(dialect);
        var reply = await api.PostTransfer(amount);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("validation_error", reply.Code);
        Assert.Equal(10_000m, api.Balance("TONCOIN"));
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Business_rules_answer_with_their_problem_codes(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        Assert.Equal("amount_more_than_app_balance", (await api.PostTransfer("10000.1")).Code);
        Assert.Equal("amount_less_than_minimum", (await api.PostTransfer("0.0000001")).Code);
        Assert.Equal("target_user_not_found", (await api.PostTransfer(target: "404404404")).Code);
        Assert.Equal("validation_error", (await api.PostTransfer(asset: "DOGE")).Code);
        Assert.Equal("validation_error", (await api.PostTransfer(target: "abc")).Code);
        api.AssertLedgerInvariant();
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Malformed_json_and_wrong_content_type_are_400_problems_never_500(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        var malformed = await api.Post(api.Names.Collection, "{\"target\": ");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Equal("validation_error", malformed.Code);

        using var request = new HttpRequestMessage(HttpMethod.Post, api.Names.Collection) { Content = new StringContent("target=1", System.Text.Encoding.UTF8, "text/plain") };
        request.Headers.Authorization = new("Bearer", SandboxDefaults.Token);
        using var response = await api.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        // Unknown routes and methods answer as NestJS does: 404 with its own body, never 405, never a problem.
        var unknownRoute = await api.Get("api/v1/nothing-here?x=1");
        Assert.Equal(HttpStatusCode.NotFound, unknownRoute.Status);
        Assert.Equal("Cannot GET /api/v1/nothing-here?x=1", unknownRoute.S("message"));
        var wrongMethod = await api.Send(HttpMethod.Patch, api.Names.Collection, null, SandboxDefaults.Token);
        Assert.Equal(HttpStatusCode.NotFound, wrongMethod.Status);
        Assert.Equal("Not Found", wrongMethod.S("error"));
        Assert.Equal(404, wrongMethod.Body.GetProperty("statusCode").GetInt32());
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Mass_transfers_succeed_or_fail_per_row_and_successes_are_ordinary_transfers(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        var before = api.Balance("TONCOIN");
        var reply = await api.Post(api.Names.Mass, new Dictionary<string, object>
        {
            ["asset"] = "TONCOIN",
            [api.Names.MassKey] = new[] { api.Row("1001", "1", "m-1"), api.Row("404404404", "1", "m-2"), api.Row("1003", "1,5", "m-3"), api.Row("1004", "2", "m-4") },
        });
        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.Equal(new[] { "m-1", "m-4" }, reply.Body.GetProperty(api.Names.Success).EnumerateArray().Select(t => t.GetProperty(api.Names.ClientId).GetString()));
        var errors = reply.Body.GetProperty(api.Names.Error).EnumerateArray().ToList();
        Assert.Equal("/api/problems/target_user_not_found", errors[0].GetProperty("reason").GetProperty("type").GetString());
        Assert.Equal("m-3", errors[1].GetProperty(api.Names.ClientId).GetString());
        Assert.Equal(before - 3m, api.Balance("TONCOIN"));
        Assert.Equal("1004", (await api.GetTransferByClientId("m-4")).S("target"));

        var again = await api.Post(api.Names.Mass, new Dictionary<string, object> { ["asset"] = "TONCOIN", [api.Names.MassKey] = new[] { api.Row("1001", "1", "m-1") } });
        Assert.Equal("/api/problems/" + api.Names.Duplicate, again.Body.GetProperty(api.Names.Error)[0].GetProperty("reason").GetProperty("type").GetString());
        Assert.Equal(before - 3m, api.Balance("TONCOIN"));

        var tooMany = Enumerable.Range(0, 501).Select(i => api.Row("1", "0.001", null)).ToList();
        Assert.Equal("validation_error", (await api.Post(api.Names.Mass, new Dictionary<string, object> { ["asset"] = "TONCOIN", [api.Names.MassKey] = tooMany })).Code);
        var most = await api.Post(api.Names.Mass, new Dictionary<string, object> { ["asset"] = "TONCOIN", [api.Names.MassKey] = tooMany.Take(500).ToList() });
        Assert.Equal(500, most.Body.GetProperty(api.Names.Success).GetArrayLength());
        api.AssertLedgerInvariant();
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Cheques_hold_funds_until_deleted_or_redeemed(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        var cheque = await api.Post("api/v1/cheques", new { asset = "USDT", amount = "10", clientChequeId = "c-1", description = "gift", password = "secret" });
        Assert.Equal(HttpStatusCode.Created, cheque.Status);
        Assert.False(cheque.Body.TryGetProperty("password", out _));
        Assert.Equal(10m, api.Holds("USDT"));
        Assert.Equal(10_000m, api.Balance("USDT"));
        api.AssertLedgerInvariant();

        var updated = await api.Put("api/v1/cheques?clientChequeId=c-1", new { description = "new text" });
        Assert.Equal("new text", updated.S("description"));
        var deleted = await api.Delete("api/v1/cheques?chequeId=" + cheque.S("chequeId"));
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Empty(deleted.Text);
        Assert.Equal(0m, api.Holds("USDT"));
        Assert.True((await api.Get("api/v1/cheque?chequeId=" + cheque.S("chequeId"))).Body.GetProperty("deleted").GetBoolean());

        var second = await api.Post("api/v1/cheques", new { asset = "USDT", amount = "4" });
        var redeemed = await api.Post("sandbox/cheques/redeem?chequeId=" + second.S("chequeId"), null);
        Assert.Equal("completed", redeemed.S("state"));
        Assert.Equal(0m, api.Holds("USDT"));
        Assert.Equal(9_996m, api.Balance("USDT"));
        Assert.Equal("cheque_already_used", (await api.Delete("api/v1/cheques?chequeId=" + second.S("chequeId"))).Code);
        Assert.Equal("amount_more_than_app_balance", (await api.Post("api/v1/cheques", new { asset = "USDT", amount = "9996.1" })).Code);
        Assert.Equal("client_id_already_taken", (await api.Post("api/v1/cheques", new { asset = "USDT", amount = "1", clientChequeId = "c-1" })).Code);
        // The deleted cheque is left out of lists (SOURCES §5.14); the redeemed one stays.
        Assert.Equal(1, (await api.Get("api/v1/cheques")).Body.GetProperty("items").GetArrayLength());
        Assert.Equal(1, (await api.Get("api/v1/cheques?state=completed")).Body.GetProperty("items").GetArrayLength());
        api.AssertLedgerInvariant();
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Invoices_are_paid_through_pay_test_and_credit_the_ledger(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        var invoice = await api.Post("api/v1/invoices", new { priceCurrency = "TONCOIN", priceAmount = "25", clientInvoiceId = "i-1", description = "order 1" });
        Assert.Equal(HttpStatusCode.OK, invoice.Status);
        Assert.Equal("active", invoice.S("status"));
        Assert.Equal("client_id_already_taken", (await api.Post("api/v1/invoices", new { priceCurrency = "TONCOIN", priceAmount = "25", clientInvoiceId = "i-1" })).Code);

        var paid = await api.Post("api/v1/invoice/pay-test?clientInvoiceId=i-1", null);
        Assert.Equal("paid", paid.S("status"));
        Assert.Equal(10_025m, api.Balance("TONCOIN"));
        var payments = await api.Get("api/v1/invoice/payments?invoiceId=" + invoice.S("id"));
        Assert.Equal("25", payments.Body.GetProperty("items")[0].GetProperty("payAmount").GetString());
        Assert.Equal("operation_disabled", (await api.Post("api/v1/invoice/pay-test?invoiceId=" + invoice.S("id"), null)).Code);
        api.AssertLedgerInvariant();

        var address = await api.Post("api/v1/invoices/payments/address?invoiceId=" + invoice.S("id"), new { payNetwork = "TON" });
        Assert.Equal(HttpStatusCode.Created, address.Status);
        Assert.Equal("TON", address.S("payNetwork"));

        var fiat = await api.Post("api/v1/invoices", new { priceCurrency = "USD", priceAmount = "52", payCurrencies = new[] { "TONCOIN" } });
        await api.Post("api/v1/invoice/pay-test?invoiceId=" + fiat.S("id"), new { payCurrency = "TONCOIN" });
        Assert.Equal(10_035m, api.Balance("TONCOIN"));

        var expiring = await api.Post("api/v1/invoices", new { priceCurrency = "USDT", priceAmount = "1", expiresIn = 1 });
        await Task.Delay(20);
        Assert.Equal("expired", (await api.Get("api/v1/invoice?invoiceId=" + expiring.S("id"))).S("status"));

        var expired = await api.Post("api/v1/invoices", new { priceCurrency = "USDT", priceAmount = "1" });
        api.ExpireInvoice(expired.S("id"));
        Assert.Equal("expired", (await api.Get("api/v1/invoice?invoiceId=" + expired.S("id"))).S("status"));

        var deletable = await api.Post("api/v1/invoices", new { priceCurrency = "USDT", priceAmount = "1" });
        Assert.Equal(HttpStatusCode.OK, (await api.Delete("api/v1/invoice?invoiceId=" + deletable.S("id"))).Status);
        Assert.Equal("invoice_not_found", (await api.Get("api/v1/invoice?invoiceId=" + deletable.S("id"))).Code);
        Assert.Equal(1, (await api.Get("api/v1/invoices?status=paid&limit=1")).Body.GetProperty("items").GetArrayLength());
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Currencies_rates_and_app_info_have_the_contract_shape(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        var currencies = await api.Get("api/v1/currencies?kind=crypto");
        var toncoin = currencies.Body.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "TONCOIN");
        Assert.Equal("TON", toncoin.GetProperty("networks")[0].GetProperty("code").GetString());
        var rates = await api.Get("api/v1/rates?base=USD&assets=TONCOIN,BTC");
        Assert.Equal(2, rates.Body.GetArrayLength());
        Assert.Equal("TONCOIN", rates.Body[0].GetProperty("currency").GetString());
        Assert.Equal("validation_error", (await api.Get("api/v1/rates?base=USD")).Code);
        Assert.Equal("XRocketPay Sandbox", (await api.Get("api/v1/app-info")).S("name"));
    }
}
