using System.Collections.Concurrent;
using System.Net;
using XRocketPay.Client.Models;

namespace XRocketPay.Client.Tests;

/// <summary>Issue 14: redirects, secrets in inner exceptions, rounding, a proxy with plain http, paid-but-lost answers.</summary>
public abstract class HardeningTests
{
    private readonly SandboxFixture _sandbox;

    protected HardeningTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }

    private static CreateTransferRequest Payout(string clientId) =>
        new() { Target = "4242", Asset = "TONCOIN", Amount = 2m, ClientTransferId = clientId };

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_redirect_is_an_error_naming_the_target_host_and_nothing_is_sent_there(int status)
    {
        // Another loopback host: if the client followed, it would reach the same sandbox on 127.0.0.2 (or fail to connect).
        var other = new UriBuilder(_sandbox.BaseUri) { Host = "127.0.0.2" }.Uri;
        var traces = new ConcurrentQueue<XRocketTrace>();
        var client = _sandbox.Client(traces: traces);
        _sandbox.AddFault(new { path = "/api/v1/transfers", method = "POST", mode = "redirect", status, location = other.GetLeftPart(UriPartial.Authority) });
        var ex = await Assert.ThrowsAnyAsync<XRocketException>(() => client.CreateTransferAsync(Payout("redirect-" + status)));
        Assert.Equal(XRocketProblemCodes.RedirectRefused, ex.Code);
        Assert.Equal("SecurityError", ex.ProblemCode.Category);
        Assert.Contains("127.0.0.2", ex.Message);
        Assert.Equal(XRocketOutcome.Failed, ex.Outcome);
        Assert.Single(traces);
        Assert.Single(_sandbox.Requests("POST", "/api/v1/transfers"));
        Assert.Equal(10_000m, _sandbox.Balance("TONCOIN"));
    }

    [Fact]
    public async Task An_echoing_server_never_puts_the_token_in_an_exception_or_its_inner_exceptions()
    {
        var client = _sandbox.Client(token: SandboxFixture.CanaryToken, configure: o => o.SettleWithin = TimeSpan.Zero);
        _sandbox.AddFault(new { path = "/api/v1/transfers", method = "POST", mode = "echo" });
        var ex = await Assert.ThrowsAnyAsync<XRocketException>(() => client.CreateTransferAsync(Payout("echo-1")));
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            Assert.DoesNotContain(SandboxFixture.CanaryToken, e.Message);
        }

        Assert.DoesNotContain(SandboxFixture.CanaryToken, ex.ToString());
    }

    [Fact]
    public async Task A_problem_body_that_echoes_the_token_is_redacted_in_every_field()
    {
        var client = _sandbox.Client(token: SandboxFixture.CanaryToken);
        _sandbox.AddFault(new { path = "/api/v1/balances", mode = "echo" });
        var ex = await Record.ExceptionAsync(() => client.GetBalancesAsync());
        if (ex is not null)
        {
            Assert.DoesNotContain(SandboxFixture.CanaryToken, ex.ToString());
        }
    }

    [Theory]
    [InlineData("99999999999999999999.999999999")]
    [InlineData("9999999999999999999999999999.9")]
    public void An_amount_with_more_digits_than_a_decimal_holds_is_refused_not_rounded(string text)
    {
        Assert.False(XRocketMoney.TryParse(text, out _, out var error));
        Assert.Contains("exactly", error);
    }

    [Fact]
    public void A_proxy_with_a_plain_http_base_address_is_refused()
    {
        var options = new XRocketClientOptions { BaseUri = new Uri("http://127.0.0.1:5080"), Proxy = new WebProxy("http://127.0.0.1:3128") };
        Assert.Throws<ArgumentException>(() => options.ResolveBaseUri());
    }

    [Theory]
    [InlineData("status", 500)]
    [InlineData("status", 502)]
    [InlineData("status", 503)]
    [InlineData("drop", 0)]
    public async Task Retries_that_run_out_after_a_committed_attempt_report_Unknown_with_how_to_reconcile(string mode, int status)
    {
        // No settling (a bound of zero): the call's own retries are all it has.
        var client = _sandbox.Client(configure: o => { o.Retry.MaxAttempts = 2; o.SettleWithin = TimeSpan.Zero; });
        _sandbox.AddFault(new { path = "/api/v1/transfers", method = "POST", mode = "after-commit", status = 500 });
        _sandbox.AddFault(new { path = "/api/v1/transfers", method = "POST", mode, status, count = 5 });
        var ex = await Assert.ThrowsAnyAsync<XRocketException>(() => client.CreateTransferAsync(Payout("lost-" + mode + status)));
        Assert.Equal(XRocketOutcome.Unknown, ex.Outcome);
        Assert.Contains("may have been paid; re-run with the same client id (lost-" + mode + status + ") to reconcile, never with a new one", ex.Message);
        Assert.Equal(10_000m - 2m, _sandbox.Balance("TONCOIN"));
    }
}
