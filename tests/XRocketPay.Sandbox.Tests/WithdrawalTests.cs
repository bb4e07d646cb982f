using System.Net;

namespace XRocketPay.Sandbox.Tests;

public sealed class WithdrawalTests : IClassFixture<SandboxPair>
{
    private readonly SandboxPair _sandboxes;

    public WithdrawalTests(SandboxPair sandboxes) => _sandboxes = sandboxes;

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Withdrawals_debit_amount_plus_fee_then_complete_or_fail_and_refund(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        var quota = await api.Get("api/v1/withdrawal-quotas?network=TON&asset=TONCOIN");
        var fee = SandboxApi.D(quota.Body.GetProperty("withdrawFee"));
        const string address = "0:" + "ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12";
        var created = await api.Post("api/v1/withdrawals", new { clientWithdrawalId = "w-1", network = "TON", address, asset = "TONCOIN", amount = "5" });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("CREATED", created.S("status"));
        Assert.Equal(10_000m - 5m - fee, api.Balance("TONCOIN"));

        var done = await PollStatus(api, created.S("withdrawalId"));
        Assert.Equal("COMPLETED", done.S("status"));
        Assert.False(string.IsNullOrEmpty(done.S("txHash")));
        Assert.False(string.IsNullOrEmpty(done.S("txLink")));

        var second = await api.Post("api/v1/withdrawals", new { clientWithdrawalId = "w-2", network = "TON", address, asset = "TONCOIN", amount = "5" });
        var failed = await api.Post("sandbox/withdrawals/fail?withdrawalId=" + second.S("withdrawalId"), null);
        Assert.Equal("FAIL", failed.S("status"));
        Assert.Equal(10_000m - 5m - fee, api.Balance("TONCOIN"));
        api.AssertLedgerInvariant();

        Assert.Equal("withdrawal_incorrect_address", (await api.Post("api/v1/withdrawals", new { clientWithdrawalId = "w-3", network = "ETH", address = "0x123", asset = "ETH", amount = "1" })).Code);
        Assert.Equal("withdrawal_incorrect_comment", (await api.Post("api/v1/withdrawals", new { clientWithdrawalId = "w-4", network = "TON", address, asset = "TONCOIN", amount = "1", comment = new string('x', 51) })).Code);
        Assert.Equal("withdrawal_asset_not_allowed", (await api.Post("api/v1/withdrawals", new { clientWithdrawalId = "w-5", network = "BTC", address = "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh", asset = "TONCOIN", amount = "1" })).Code);
        Assert.Equal("validation_error", (await api.Post("api/v1/withdrawals", new { network = "TON", address, asset = "TONCOIN", amount = "1" })).Code);
        Assert.Equal("client_id_already_taken", (await api.Post("api/v1/withdrawals", new { clientWithdrawalId = "w-1", network = "TON", address, asset = "TONCOIN", amount = "5" })).Code);
        Assert.Equal("amount_less_than_minimum", (await api.Post("api/v1/withdrawals", new { clientWithdrawalId = "w-6", network = "TON", address, asset = "TONCOIN", amount = "0.01" })).Code);
        Assert.Equal(1, (await api.Get("api/v1/withdrawals?status=FAIL")).Body.GetProperty("items").GetArrayLength());

        var link = await api.Post("api/v1/withdrawal-link", new { network = "TON", address, asset = "TONCOIN", amount = "1" });
        Assert.Equal(HttpStatusCode.Created, link.Status);
        Assert.StartsWith("https://t.me/", link.S("telegramBotLink"));
        api.AssertLedgerInvariant();
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Withdrawals_to_a_configured_failing_address_end_in_FAIL_and_are_refunded(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        const string address = "0x1111111111111111111111111111111111111111";
        api.SetConfig(new { failingAddresses = new[] { address } });
        var created = await api.Post("api/v1/withdrawals", new { clientWithdrawalId = "wf-1", network = "ETH", address, asset = "ETH", amount = "1" });
        Assert.Equal("FAIL", (await PollStatus(api, created.S("withdrawalId"))).S("status"));
        Assert.Equal(10_000m, api.Balance("ETH"));
        api.AssertLedgerInvariant();
    }

    private static async Task<SandboxApi.Reply> PollStatus(SandboxApi api, string withdrawalId)
    {
        for (var i = 0; i < 200; i++)
        {
            var reply = await api.Get("api/v1/withdrawal?withdrawalId=" + withdrawalId);
            if (reply.S("status") != "CREATED")
            {
                return reply;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The withdrawal never settled.");
    }
}
