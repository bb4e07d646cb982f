using XRocketPay.Client.Models;

namespace XRocketPay.Client.Tests;

/// <summary>The one outcome vocabulary: Unknown (never Failed) when an answer is lost after a possibly committed attempt.</summary>
public abstract class OutcomeTests
{
    private const string TonAddress = "0:ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12";
    private readonly SandboxFixture _sandbox;

    protected OutcomeTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }

    private static string Note(string clientId) => $"may have been paid; re-run with the same client id ({clientId}) to reconcile, never with a new one";

    [Theory]
    [InlineData("/api/v1/transfers", "status", 500)]
    [InlineData("/api/v1/transfers", "drop", 0)]
    [InlineData("/api/v1/transfers", "malformed", 0)]
    [InlineData("/api/v1/cheques", "status", 503)]
    [InlineData("/api/v1/invoices", "status", 502)]
    [InlineData("/api/v1/withdrawals", "status", 500)]
    public async Task A_create_whose_route_stays_silent_for_the_settling_bound_is_Unknown_and_says_how_to_reconcile(string path, string mode, int status)
    {
        var client = _sandbox.Client(configure: o => o.SettleWithin = TimeSpan.FromMilliseconds(300));
        _sandbox.AddFault(new { path, method = "POST", mode, status, count = 100_000 });
        Func<Task> create = path switch
        {
            "/api/v1/transfers" => () => client.CreateTransferAsync(new CreateTransferRequest { Target = "4242", Asset = "TONCOIN", Amount = 1m, ClientTransferId = "lost-1" }),
            "/api/v1/cheques" => () => client.CreateChequeAsync(new CreateChequeRequest { Asset = "USDT", Amount = 1m, ClientChequeId = "lost-1" }),
            "/api/v1/invoices" => () => client.CreateInvoiceAsync(new CreateInvoiceRequest { PriceCurrency = "USDT", PriceAmount = 1m, ClientInvoiceId = "lost-1" }),
            _ => () => client.CreateWithdrawalAsync(new CreateWithdrawalRequest { Network = "TON", Address = TonAddress, Asset = "TONCOIN", Amount = 1m, ClientWithdrawalId = "lost-1" }),
        };
        var ex = await Assert.ThrowsAnyAsync<XRocketException>(create);
        Assert.Equal(XRocketOutcome.Unknown, ex.Outcome);
        Assert.True(ex.MayHaveSucceeded);
        Assert.Equal("lost-1", ex.ClientId);
        Assert.Contains(Note("lost-1"), ex.Message);
        Assert.Contains(Note("lost-1"), ex.ToString());
    }

    [Fact]
    public async Task A_create_answered_503_then_only_429_until_the_bound_is_Unknown_since_the_503_may_have_been_done()
    {
        // One call's attempts meet 503s (maybe executed), every later settling pass 429s (never executed): the
        // create is still in doubt, so Unknown, never Failed (issue 31 item 2: the settle loop's one rule).
        var client = _sandbox.Client(configure: o => o.SettleWithin = TimeSpan.FromMilliseconds(300));
        _sandbox.AddFault(new { path = "/api/v1/cheques", method = "POST", mode = "status", status = 503, count = 4 });
        _sandbox.AddFault(new { path = "/api/v1/cheques", method = "POST", mode = "status", status = 429, count = 100_000 });
        var ex = await Assert.ThrowsAnyAsync<XRocketException>(() => client.CreateChequeAsync(new CreateChequeRequest { Asset = "USDT", Amount = 1m, ClientChequeId = "busy-1" }));
        Assert.Equal(429, (int)Assert.IsType<XRocketApiException>(ex).StatusCode);
        Assert.Equal(XRocketOutcome.Unknown, ex.Outcome);
        Assert.Contains(Note("busy-1"), ex.Message);

        _sandbox.Reset();
        _sandbox.AddFault(new { path = "/api/v1/mass-transfers", method = "POST", mode = "status", status = 503, count = 4 });
        _sandbox.AddFault(new { path = "/api/v1/mass-transfers", method = "POST", mode = "status", status = 429, count = 100_000 });
        var rows = new[] { new MassTransferItem { Target = "11", Amount = 1m, ClientTransferId = "busy-m-1" } };
        var row = Assert.Single(await _sandbox.Client(configure: o => o.SettleWithin = TimeSpan.FromMilliseconds(300)).CreateMassTransfersAsync("TONCOIN", rows));
        Assert.Equal(XRocketOutcome.Unknown, row.Outcome);
    }

    [Fact]
    public async Task A_refusal_on_the_first_attempt_is_Failed_without_the_reconcile_note()
    {
        var ex = await Assert.ThrowsAsync<XRocketApiException>(() => _sandbox.Client().CreateTransferAsync(new CreateTransferRequest { Target = "404404404", Asset = "TONCOIN", Amount = 1m }));
        Assert.Equal(XRocketOutcome.Failed, ex.Outcome);
        Assert.DoesNotContain("may have been paid", ex.Message);
        Assert.Equal(XRocketProblemKind.NotFound, ex.ProblemCode.Kind);
    }

    [Fact]
    public async Task A_mass_transfer_whose_route_stays_silent_for_the_settling_bound_reports_every_row_Unknown_with_its_own_client_id()
    {
        _sandbox.AddFault(new { path = "/api/v1/mass-transfers", mode = "status", status = 503, count = 100_000 });
        var rows = new[] { new MassTransferItem { Target = "11", Amount = 1m, ClientTransferId = "m-1" }, new MassTransferItem { Target = "12", Amount = 2m } };
        var results = await _sandbox.Client(configure: o => o.SettleWithin = TimeSpan.FromMilliseconds(300)).CreateMassTransfersAsync("TONCOIN", rows);
        Assert.All(results, r => Assert.Equal(XRocketOutcome.Unknown, r.Outcome));
        Assert.All(results, r => Assert.Contains(Note(r.ClientTransferId), Assert.IsType<XRocketRowException>(r.Error).Message));
        Assert.Equal("m-1", results[0].ClientTransferId);
        Assert.StartsWith("xrp-", results[1].ClientTransferId);
    }

    [Fact]
    public async Task A_refused_mass_row_carries_a_real_row_exception_with_the_problem()
    {
        var rows = new[] { new MassTransferItem { Target = "404404404", Amount = 1m, ClientTransferId = "r-1" } };
        var row = Assert.Single(await _sandbox.Client().CreateMassTransfersAsync("TONCOIN", rows));
        Assert.Equal(XRocketOutcome.Failed, row.Outcome);
        var error = Assert.IsType<XRocketRowException>(row.Error);
        Assert.Equal("target_user_not_found", error.Code);
        Assert.Equal("r-1", error.ClientId);
        Assert.Equal("/api/v1/mass-transfers", error.Path);
        Assert.Same(error.Problem, row.Problem);
        Assert.Equal("ObjectNotFound", error.ProblemCode.Category);
    }
}
