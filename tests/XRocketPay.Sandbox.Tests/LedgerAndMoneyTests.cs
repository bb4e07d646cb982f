using System.Net;

namespace XRocketPay.Sandbox.Tests;

public sealed class LedgerAndMoneyTests : IClassFixture<SandboxApi>, IAsyncLifetime
{
    private readonly SandboxApi _api;

    public LedgerAndMoneyTests(SandboxApi api) => _api = api;

    public Task InitializeAsync() => _api.Reset();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Health_and_balances_answer_with_the_default_token_and_documented_starting_balances()
    {
        Assert.Equal(HttpStatusCode.OK, (await _api.Get("health", token: null)).Status);
        var balances = await _api.Get("api/v1/balances");
        Assert.Equal(HttpStatusCode.OK, balances.Status);
        var assets = balances.Body.GetProperty("balances").EnumerateArray().ToDictionary(b => b.GetProperty("asset").GetString()!, b => SandboxApi.D(b.GetProperty("balance")));
        foreach (var asset in new[] { "TONCOIN", "USDT", "BTC", "ETH", "TRX", "SOL" })
        {
            Assert.True(assets[asset] >= 10_000m, asset);
        }
    }

    [Fact]
    public async Task Private_endpoints_need_a_valid_token_and_public_ones_do_not()
    {
        var missing = await _api.Get("api/v1/balances", token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.Status);
        Assert.Equal("unauthorized", missing.Code);
        Assert.Equal("application/problem+json", missing.Response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.Get("api/v1/balances", token: "wrong")).Status);
        Assert.Equal(HttpStatusCode.OK, (await _api.Get("api/v1/currencies", token: null)).Status);
        Assert.Equal(HttpStatusCode.OK, (await _api.Get("api/v1/rates?base=USD&assets=TONCOIN", token: null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.Get("api/v1/currencies", token: "wrong")).Status);
    }

    [Fact]
    public async Task A_transfer_debits_at_once_and_keeps_the_ledger_invariant()
    {
        var before = await _api.Balance("TONCOIN");
        var reply = await _api.Post("api/v1/transfers", SandboxApi.Transfer("1.123456789", "t-1"));
        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.Equal("1.123456789", reply.S("amount"));
        Assert.Equal("t-1", reply.S("clientTransferId"));
        Assert.IsType<string>(reply.S("transferId"));
        Assert.Equal(before - 1.123456789m, await _api.Balance("TONCOIN"));
        await _api.AssertLedgerInvariant();

        var byClientId = await _api.Get("api/v1/transfer?clientTransferId=t-1");
        Assert.Equal(reply.S("transferId"), byClientId.S("transferId"));
        var byId = await _api.Get("api/v1/transfer?transferId=" + reply.S("transferId") + "&clientTransferId=other");
        Assert.Equal("t-1", byId.S("clientTransferId"));
        Assert.Equal("not_found", (await _api.Get("api/v1/transfer?transferId=1")).Code);
    }

    [Fact]
    public async Task A_repeated_client_id_is_refused_and_never_moves_money_twice()
    {
        await _api.Post("api/v1/transfers", SandboxApi.Transfer("2", "dup"));
        var balance = await _api.Balance("TONCOIN");
        var repeat = await _api.Post("api/v1/transfers", SandboxApi.Transfer("2", "dup"));
        Assert.Equal(HttpStatusCode.BadRequest, repeat.Status);
        Assert.Equal("client_id_already_taken", repeat.Code);
        Assert.Equal(balance, await _api.Balance("TONCOIN"));
    }

    [Fact]
    public async Task Fifty_parallel_repeats_of_one_client_id_debit_exactly_once()
    {
        var before = await _api.Balance("USDT");
        var replies = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => _api.Post("api/v1/transfers", SandboxApi.Transfer("3", "race", asset: "USDT"))));
        Assert.Single(replies, r => r.Status == HttpStatusCode.Created);
        Assert.Equal(49, replies.Count(r => r.Status == HttpStatusCode.BadRequest && r.Code == "client_id_already_taken"));
        Assert.Equal(before - 3m, await _api.Balance("USDT"));
        await _api.AssertLedgerInvariant();
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("1e3")]
    [InlineData("1.1234567891")]
    [InlineData(" 1")]
    public async Task Bad_amounts_are_validation_problems(string amount)
    {
        var reply = await _api.Post("api/v1/transfers", SandboxApi.Transfer(amount));
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("client_data_validation", reply.Code);
        Assert.Equal(10_000m, await _api.Balance("TONCOIN"));
    }

    [Fact]
    public async Task Business_rules_answer_with_their_problem_codes()
    {
        Assert.Equal("amount_more_than_app_balance", (await _api.Post("api/v1/transfers", SandboxApi.Transfer("10000.1"))).Code);
        Assert.Equal("amount_less_than_minimum", (await _api.Post("api/v1/transfers", SandboxApi.Transfer("0.0000001"))).Code);
        Assert.Equal("target_user_not_found", (await _api.Post("api/v1/transfers", SandboxApi.Transfer(target: "404404404"))).Code);
        Assert.Equal("client_data_validation", (await _api.Post("api/v1/transfers", SandboxApi.Transfer(asset: "DOGE"))).Code);
        Assert.Equal("client_data_validation", (await _api.Post("api/v1/transfers", SandboxApi.Transfer(target: "abc"))).Code);
        await _api.AssertLedgerInvariant();
    }

    [Fact]
    public async Task Malformed_json_and_wrong_content_type_are_400_problems_never_500()
    {
        var malformed = await _api.Post("api/v1/transfers", "{\"target\": ");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Equal("client_data_validation", malformed.Code);

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/transfers") { Content = new StringContent("target=1", System.Text.Encoding.UTF8, "text/plain") };
        request.Headers.Authorization = new("Bearer", SandboxOptions.DefaultToken);
        using var response = await _api.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        var unknownRoute = await _api.Get("api/v1/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, unknownRoute.Status);
        Assert.Equal("not_found", unknownRoute.Code);
        var wrongMethod = await _api.Send(HttpMethod.Patch, "api/v1/transfers", null, SandboxOptions.DefaultToken);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.Status);
        Assert.StartsWith("/api/problems/", wrongMethod.Body.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Mass_transfers_succeed_or_fail_per_row_and_successes_are_ordinary_transfers()
    {
        var before = await _api.Balance("TONCOIN");
        var reply = await _api.Post("api/v1/mass-transfers", new
        {
            asset = "TONCOIN",
            transfers = new object[]
            {
                new { target = "1001", targetType = "telegram_user_id", amount = "1", clientTransferId = "m-1" },
                new { target = "404404404", targetType = "telegram_user_id", amount = "1", clientTransferId = "m-2" },
                new { target = "1003", targetType = "telegram_user_id", amount = "1,5", clientTransferId = "m-3" },
                new { target = "1004", targetType = "telegram_user_id", amount = "2", clientTransferId = "m-4" },
            },
        });
        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.Equal(new[] { "m-1", "m-4" }, reply.Body.GetProperty("successTransfers").EnumerateArray().Select(t => t.GetProperty("clientTransferId").GetString()));
        var errors = reply.Body.GetProperty("errorTransfers").EnumerateArray().ToList();
        Assert.Equal("/api/problems/target_user_not_found", errors[0].GetProperty("reason").GetProperty("type").GetString());
        Assert.Equal("m-3", errors[1].GetProperty("clientTransferId").GetString());
        Assert.Equal(before - 3m, await _api.Balance("TONCOIN"));
        Assert.Equal("1004", (await _api.Get("api/v1/transfer?clientTransferId=m-4")).S("target"));

        var again = await _api.Post("api/v1/mass-transfers", new { asset = "TONCOIN", transfers = new[] { new { target = "1001", targetType = "telegram_user_id", amount = "1", clientTransferId = "m-1" } } });
        Assert.Equal("/api/problems/client_id_already_taken", again.Body.GetProperty("errorTransfers")[0].GetProperty("reason").GetProperty("type").GetString());
        Assert.Equal(before - 3m, await _api.Balance("TONCOIN"));

        var tooMany = Enumerable.Range(0, 101).Select(i => new { target = "1", targetType = "telegram_user_id", amount = "1" });
        Assert.Equal("client_data_validation", (await _api.Post("api/v1/mass-transfers", new { asset = "TONCOIN", transfers = tooMany })).Code);
        await _api.AssertLedgerInvariant();
    }

    [Fact]
    public async Task Cheques_hold_funds_until_deleted_or_redeemed()
    {
        var cheque = await _api.Post("api/v1/cheques", new { asset = "USDT", amount = "10", clientChequeId = "c-1", description = "gift", password = "secret" });
        Assert.Equal(HttpStatusCode.Created, cheque.Status);
        Assert.False(cheque.Body.TryGetProperty("password", out _));
        Assert.Equal(10m, await _api.Holds("USDT"));
        Assert.Equal(10_000m, await _api.Balance("USDT"));
        await _api.AssertLedgerInvariant();

        var updated = await _api.Put("api/v1/cheques?clientChequeId=c-1", new { description = "new text" });
        Assert.Equal("new text", updated.S("description"));
        Assert.Equal(HttpStatusCode.NoContent, (await _api.Delete("api/v1/cheques?chequeId=" + cheque.S("chequeId"))).Status);
        Assert.Equal(0m, await _api.Holds("USDT"));
        Assert.True((await _api.Get("api/v1/cheque?chequeId=" + cheque.S("chequeId"))).Body.GetProperty("deleted").GetBoolean());

        var second = await _api.Post("api/v1/cheques", new { asset = "USDT", amount = "4" });
        var redeemed = await _api.Post("sandbox/cheques/redeem?chequeId=" + second.S("chequeId"), null);
        Assert.Equal("completed", redeemed.S("state"));
        Assert.Equal(0m, await _api.Holds("USDT"));
        Assert.Equal(9_996m, await _api.Balance("USDT"));
        Assert.Equal("operation_disabled", (await _api.Delete("api/v1/cheques?chequeId=" + second.S("chequeId"))).Code);
        Assert.Equal("amount_more_than_app_balance", (await _api.Post("api/v1/cheques", new { asset = "USDT", amount = "9996.1" })).Code);
        Assert.Equal("client_id_already_taken", (await _api.Post("api/v1/cheques", new { asset = "USDT", amount = "1", clientChequeId = "c-1" })).Code);
        Assert.Equal(2, (await _api.Get("api/v1/cheques")).Body.GetProperty("items").GetArrayLength());
        Assert.Equal(1, (await _api.Get("api/v1/cheques?state=completed")).Body.GetProperty("items").GetArrayLength());
        await _api.AssertLedgerInvariant();
    }

    [Fact]
    public async Task Invoices_are_paid_through_pay_test_and_credit_the_ledger()
    {
        var invoice = await _api.Post("api/v1/invoices", new { priceCurrency = "TONCOIN", priceAmount = "25", clientInvoiceId = "i-1", description = "order 1" });
        Assert.Equal(HttpStatusCode.Created, invoice.Status);
        Assert.Equal("active", invoice.S("status"));
        Assert.Equal("client_id_already_taken", (await _api.Post("api/v1/invoices", new { priceCurrency = "TONCOIN", priceAmount = "25", clientInvoiceId = "i-1" })).Code);

        var paid = await _api.Post("api/v1/invoice/pay-test?clientInvoiceId=i-1", null);
        Assert.Equal("paid", paid.S("status"));
        Assert.Equal(10_025m, await _api.Balance("TONCOIN"));
        var payments = await _api.Get("api/v1/invoice/payments?invoiceId=" + invoice.S("id"));
        Assert.Equal("25", payments.Body.GetProperty("items")[0].GetProperty("payAmount").GetString());
        Assert.Equal("operation_disabled", (await _api.Post("api/v1/invoice/pay-test?invoiceId=" + invoice.S("id"), null)).Code);
        await _api.AssertLedgerInvariant();

        var address = await _api.Post("api/v1/invoices/payments/address?invoiceId=" + invoice.S("id"), new { payNetwork = "TON" });
        Assert.Equal(HttpStatusCode.Created, address.Status);
        Assert.Equal("TON", address.S("payNetwork"));

        var fiat = await _api.Post("api/v1/invoices", new { priceCurrency = "USD", priceAmount = "52", payCurrencies = new[] { "TONCOIN" } });
        await _api.Post("api/v1/invoice/pay-test?invoiceId=" + fiat.S("id"), new { payCurrency = "TONCOIN" });
        Assert.Equal(10_035m, await _api.Balance("TONCOIN"));

        var expiring = await _api.Post("api/v1/invoices", new { priceCurrency = "USDT", priceAmount = "1", expiresIn = 1 });
        await Task.Delay(20);
        Assert.Equal("expired", (await _api.Get("api/v1/invoice?invoiceId=" + expiring.S("id"))).S("status"));

        var deletable = await _api.Post("api/v1/invoices", new { priceCurrency = "USDT", priceAmount = "1" });
        Assert.Equal(HttpStatusCode.NoContent, (await _api.Delete("api/v1/invoice?invoiceId=" + deletable.S("id"))).Status);
        Assert.Equal("not_found", (await _api.Get("api/v1/invoice?invoiceId=" + deletable.S("id"))).Code);
        Assert.Equal(1, (await _api.Get("api/v1/invoices?status=paid&limit=1")).Body.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Withdrawals_debit_amount_plus_fee_then_complete_or_fail_and_refund()
    {
        var quota = await _api.Get("api/v1/withdrawal-quotas?network=TON&asset=TONCOIN");
        var fee = SandboxApi.D(quota.Body.GetProperty("withdrawFee"));
        const string address = "0:" + "ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12";
        var created = await _api.Post("api/v1/withdrawals", new { clientWithdrawalId = "w-1", network = "TON", address, asset = "TONCOIN", amount = "5" });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("CREATED", created.S("status"));
        Assert.Equal(10_000m - 5m - fee, await _api.Balance("TONCOIN"));

        var done = await PollStatus(created.S("withdrawalId"));
        Assert.Equal("COMPLETED", done.S("status"));
        Assert.False(string.IsNullOrEmpty(done.S("txHash")));
        Assert.False(string.IsNullOrEmpty(done.S("txLink")));

        var second = await _api.Post("api/v1/withdrawals", new { clientWithdrawalId = "w-2", network = "TON", address, asset = "TONCOIN", amount = "5" });
        var failed = await _api.Post("sandbox/withdrawals/fail?withdrawalId=" + second.S("withdrawalId"), null);
        Assert.Equal("FAIL", failed.S("status"));
        Assert.Equal(10_000m - 5m - fee, await _api.Balance("TONCOIN"));
        await _api.AssertLedgerInvariant();

        Assert.Equal("withdrawal_incorrect_address", (await _api.Post("api/v1/withdrawals", new { clientWithdrawalId = "w-3", network = "ETH", address = "0x123", asset = "ETH", amount = "1" })).Code);
        Assert.Equal("withdrawal_incorrect_comment", (await _api.Post("api/v1/withdrawals", new { clientWithdrawalId = "w-4", network = "TON", address, asset = "TONCOIN", amount = "1", comment = new string('x', 51) })).Code);
        Assert.Equal("withdrawal_asset_not_allowed", (await _api.Post("api/v1/withdrawals", new { clientWithdrawalId = "w-5", network = "BTC", address = "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh", asset = "TONCOIN", amount = "1" })).Code);
        Assert.Equal("client_data_validation", (await _api.Post("api/v1/withdrawals", new { network = "TON", address, asset = "TONCOIN", amount = "1" })).Code);
        Assert.Equal("client_id_already_taken", (await _api.Post("api/v1/withdrawals", new { clientWithdrawalId = "w-1", network = "TON", address, asset = "TONCOIN", amount = "5" })).Code);
        Assert.Equal("amount_less_than_minimum", (await _api.Post("api/v1/withdrawals", new { clientWithdrawalId = "w-6", network = "TON", address, asset = "TONCOIN", amount = "0.01" })).Code);
        Assert.Equal(1, (await _api.Get("api/v1/withdrawals?status=FAIL")).Body.GetProperty("items").GetArrayLength());

        var link = await _api.Post("api/v1/withdrawal-link", new { network = "TON", address, asset = "TONCOIN", amount = "1" });
        Assert.Equal(HttpStatusCode.Created, link.Status);
        Assert.StartsWith("https://t.me/", link.S("telegramBotLink"));
        await _api.AssertLedgerInvariant();
    }

    [Fact]
    public async Task Withdrawals_to_a_configured_failing_address_end_in_FAIL_and_are_refunded()
    {
        const string address = "0x1111111111111111111111111111111111111111";
        await _api.Put("sandbox/config", new { failingAddresses = new[] { address } });
        var created = await _api.Post("api/v1/withdrawals", new { clientWithdrawalId = "wf-1", network = "ETH", address, asset = "ETH", amount = "1" });
        Assert.Equal("FAIL", (await PollStatus(created.S("withdrawalId"))).S("status"));
        Assert.Equal(10_000m, await _api.Balance("ETH"));
        await _api.AssertLedgerInvariant();
    }

    [Fact]
    public async Task Currencies_rates_and_app_info_have_the_contract_shape()
    {
        var currencies = await _api.Get("api/v1/currencies?kind=crypto");
        var toncoin = currencies.Body.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "TONCOIN");
        Assert.Equal("TON", toncoin.GetProperty("networks")[0].GetProperty("code").GetString());
        var rates = await _api.Get("api/v1/rates?base=USD&assets=TONCOIN,BTC");
        Assert.Equal(2, rates.Body.GetArrayLength());
        Assert.Equal("TONCOIN", rates.Body[0].GetProperty("currency").GetString());
        Assert.Equal("client_data_validation", (await _api.Get("api/v1/rates?base=USD")).Code);
        Assert.Equal("XRocketPay Sandbox", (await _api.Get("api/v1/app-info")).S("name"));
    }

    private async Task<SandboxApi.Reply> PollStatus(string withdrawalId)
    {
        for (var i = 0; i < 200; i++)
        {
            var reply = await _api.Get("api/v1/withdrawal?withdrawalId=" + withdrawalId);
            if (reply.S("status") != "CREATED")
            {
                return reply;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The withdrawal never settled.");
    }
}
