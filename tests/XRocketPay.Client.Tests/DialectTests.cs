using System.Globalization;
using XRocketPay.Sandbox;
using XRocketPay.TestSupport;

namespace XRocketPay.Client.Tests;

/// <summary>
/// The transfer family in both API dialects and in the sandbox's strict evidence shape: pay, mass-pay,
/// re-run, survive a fault after commit, detect the dialect, and refuse clearly (nothing paid) when it is
/// forced wrong.
/// </summary>
public sealed class DialectTests
{
    public static TheoryData<SandboxDialect, SandboxShape> Sandboxes() => new()
    {
        { SandboxDialect.Transfers, SandboxShape.Full },
        { SandboxDialect.Payouts, SandboxShape.Full },
        { SandboxDialect.Transfers, SandboxShape.Evidence },
        { SandboxDialect.Payouts, SandboxShape.Evidence },
    };

    [Theory]
    [MemberData(nameof(Sandboxes))]
    public async Task Auto_detects_the_dialect_with_read_only_look_ups_then_pays_re_runs_and_mass_pays(SandboxDialect dialect, SandboxShape shape)
    {
        using var sandbox = Start(dialect, shape);
        var client = Client(sandbox);
        Assert.Equal(XRocketApiDialect.Auto, client.Dialect);
        Assert.Equal(Expected(dialect), await client.ResolveDialectAsync());
        Assert.DoesNotContain(sandbox.Requests(), r => r.Method != "GET");

        var request = new Models.CreateTransferRequest { Target = "1001", Asset = "TONCOIN", Amount = 1.123456789m, ClientTransferId = "dialect-1" };
        var first = await client.CreateTransferAsync(request);
        Assert.Equal(XRocketOutcome.Sent, first.Outcome);
        Assert.Equal("dialect-1", first.Value.ClientTransferId);
        Assert.Equal(1.123456789m, first.Value.Amount);
        Assert.NotEqual("", first.Value.TransferId);

        var again = await client.CreateTransferAsync(new Models.CreateTransferRequest { Target = "1001", Asset = "TONCOIN", Amount = 1.123456789m, ClientTransferId = "dialect-1" });
        Assert.Equal(XRocketOutcome.AlreadyDone, again.Outcome);
        Assert.Equal(first.Value.TransferId, again.Value.TransferId);
        Assert.Equal(first.Value.TransferId, (await client.GetTransferAsync(XRocketRef.ById(first.Value.TransferId))).TransferId);
        Assert.Single(client.ListTransfers());

        var rows = Enumerable.Range(1, 3).Select(i => new Models.MassTransferItem { Target = (2000 + i).ToString(CultureInfo.InvariantCulture), Amount = 0.5m, ClientTransferId = "mass-" + i }).ToList();
        var mass = await client.CreateMassTransfersAsync("TRX", rows);
        Assert.All(mass, r => Assert.Equal(XRocketOutcome.Sent, r.Outcome));
        var massAgain = await client.CreateMassTransfersAsync("TRX", rows.Select(r => new Models.MassTransferItem { Target = r.Target, Amount = r.Amount, ClientTransferId = r.ClientTransferId }).ToList());
        Assert.All(massAgain, r => Assert.Equal(XRocketOutcome.AlreadyDone, r.Outcome));

        Assert.Equal(10_000m - 1.123456789m, sandbox.Balance("TONCOIN"));
        Assert.Equal(10_000m - 1.5m, sandbox.Balance("TRX"));
        var family = dialect == SandboxDialect.Payouts ? "payouts" : "transfers";
        Assert.Contains(sandbox.Requests(), r => r.Method == "POST" && r.Path == "/api/v1/" + family);
    }

    [Theory]
    [MemberData(nameof(Sandboxes))]
    public async Task A_fault_after_commit_is_reconciled_once(SandboxDialect dialect, SandboxShape shape)
    {
        using var sandbox = Start(dialect, shape);
        var client = Client(sandbox);
        var path = dialect == SandboxDialect.Payouts ? "/api/v1/payouts" : "/api/v1/transfers";
        sandbox.AddFault(new { method = "POST", path, mode = "after-commit", status = 500 });
        var result = await client.CreateTransferAsync(new Models.CreateTransferRequest { Target = "1001", Asset = "USDT", Amount = 2m });
        Assert.Equal(XRocketOutcome.Sent, result.Outcome);
        Assert.Equal(10_000m - 2m, sandbox.Balance("USDT"));
    }

    [Theory]
    [MemberData(nameof(Sandboxes))]
    public async Task A_success_without_a_body_is_success_and_the_object_is_read_back(SandboxDialect dialect, SandboxShape shape)
    {
        using var sandbox = Start(dialect, shape);
        var client = Client(sandbox);
        var path = dialect == SandboxDialect.Payouts ? "/api/v1/payouts" : "/api/v1/transfers";
        sandbox.AddFault(new { method = "POST", path, mode = "after-commit", status = 204 });
        sandbox.AddFault(new { method = "POST", path = "/api/v1/cheques", mode = "after-commit", status = 204 });
        var transfer = await client.CreateTransferAsync(new Models.CreateTransferRequest { Target = "1001", Asset = "USDT", Amount = 2m, ClientTransferId = "empty-1" });
        var cheque = await client.CreateChequeAsync(new Models.CreateChequeRequest { Asset = "TONCOIN", Amount = 3m, ClientChequeId = "empty-2" });
        Assert.Equal(XRocketOutcome.Sent, transfer.Outcome);
        Assert.Equal("empty-1", transfer.Value.ClientTransferId);
        Assert.NotEqual("", transfer.Value.TransferId);
        Assert.Equal(XRocketOutcome.Sent, cheque.Outcome);
        Assert.Equal(3m, cheque.Value.Amount);
        Assert.Equal(10_000m - 2m, sandbox.Balance("USDT"));
    }

    [Theory]
    [InlineData(SandboxDialect.Transfers, XRocketApiDialect.Payouts)]
    [InlineData(SandboxDialect.Payouts, XRocketApiDialect.Transfers)]
    public async Task A_dialect_forced_wrong_pays_nothing_and_says_how_to_switch(SandboxDialect served, XRocketApiDialect forced)
    {
        using var sandbox = Start(served, SandboxShape.Full);
        var client = Client(sandbox, forced);
        Assert.Equal(forced, await client.ResolveDialectAsync());
        var single = await Assert.ThrowsAsync<XRocketApiException>(() => client.CreateTransferAsync(new Models.CreateTransferRequest { Target = "1001", Asset = "USDT", Amount = 2m }));
        Assert.Equal(XRocketProblemCodes.RouteNotFound, single.Code);
        Assert.Equal(XRocketOutcome.Failed, single.Outcome);
        Assert.Contains($"uses the {forced} dialect", single.Message, StringComparison.Ordinal);
        Assert.Contains("-ApiDialect " + Expected(served), single.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was paid", single.Message, StringComparison.Ordinal);
        Assert.Equal(1, single.Attempts);

        var mass = await client.CreateMassTransfersAsync("USDT", new[] { new Models.MassTransferItem { Target = "1001", Amount = 1m } });
        Assert.Equal(XRocketOutcome.Failed, mass.Single().Outcome);
        Assert.Contains("-ApiDialect " + Expected(served), mass.Single().Error!.Message, StringComparison.Ordinal);
        Assert.Equal(10_000m, sandbox.Balance("USDT"));
    }

    [Theory]
    [InlineData("https://pay.api.pp.xrocket.tg/", XRocketApiDialect.Transfers)]
    [InlineData("https://pay.api.xrocket.exchange/", XRocketApiDialect.Payouts)]
    [InlineData("https://pay.api.testnet.xrocket.exchange/", XRocketApiDialect.Payouts)]
    [InlineData("https://proxy.example.com/", XRocketApiDialect.Auto)]
    public void Known_hosts_map_to_their_dialect_without_a_request(string baseUri, XRocketApiDialect expected)
    {
        var client = new XRocketClient(new XRocketClientOptions { BaseUri = new Uri(baseUri) });
        Assert.Equal(expected, client.Dialect);
    }

    private static XRocketApiDialect Expected(SandboxDialect dialect) => dialect == SandboxDialect.Payouts ? XRocketApiDialect.Payouts : XRocketApiDialect.Transfers;

    private static SandboxAdmin Start(SandboxDialect dialect, SandboxShape shape) => new(new SandboxOptions { Dialect = dialect, Shape = shape });

    private static XRocketClient Client(SandboxAdmin sandbox, XRocketApiDialect dialect = XRocketApiDialect.Auto) => new(new XRocketClientOptions
    {
        BaseUri = sandbox.BaseUri,
        Token = new XRocketApiToken(sandbox.Token),
        Dialect = dialect,
        Timeout = TimeSpan.FromSeconds(10),
        Retry = new XRocketRetryPolicy { MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50) },
    });
}
