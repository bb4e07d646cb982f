using XRocketPay.PowerShell.Tests.Hosting;

namespace XRocketPay.PowerShell.Tests;

/// <summary>An answer lost after a possibly committed attempt is reported Unknown, never Failed, with how to reconcile.</summary>
public sealed class OutcomeTests : IClassFixture<SandboxFixture>, IDisposable
{
    private const string TonAddress = "0:ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12";
    private readonly SandboxFixture _sandbox;
    private readonly PowerShellSession _session;

    public OutcomeTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
        _session = PowerShellSession.Create();
        _session.Run("Connect-XRocket -Environment Sandbox -BaseUri $u -ApiKey $k -MaxRetries 0", ("u", sandbox.BaseUri), ("k", Connected.Secure(sandbox.Token))).AssertNoErrors();

        // No settling step here (a bound of zero), so one lost answer is the route's whole silence: Unknown.
        SettleWithin("0");
    }

    /// <summary>Sets the connection's settling bound (an option of its client, which the module does not expose).</summary>
    private void SettleWithin(string seconds) =>
        _session.Run("$c = Get-XRocketConnection; $c.GetType().GetProperty('Client', [Reflection.BindingFlags]'NonPublic,Instance').GetValue($c).Options.SettleWithin = [TimeSpan]::FromSeconds(" + seconds + ")").AssertNoErrors();

    public void Dispose() => _session.Dispose();

    private static string Note(string clientId) => $"may have been paid; re-run with the same client id ({clientId}) to reconcile, never with a new one";

    [Fact]
    public void A_transfer_whose_answer_is_lost_is_Unknown_with_its_client_id()
    {
        _sandbox.AddFault(new { path = "/api/v1/transfers", method = "POST", mode = "after-commit", status = 500 });
        var result = _session.Run("New-XRocketTransfer -TelegramUserId 7 -Amount 1 -Asset TONCOIN -ClientTransferId lost-t1 -Confirm:$false");
        Assert.Equal("Unknown", result.Output.Single().S("Outcome"));
        var error = Assert.Single(result.Errors);
        Assert.Contains(Note("lost-t1"), error.Exception.Message);
        Assert.Equal(10_000m - 1m, _sandbox.Balance("TONCOIN"));

        var rerun = _session.Run("New-XRocketTransfer -TelegramUserId 7 -Amount 1 -Asset TONCOIN -ClientTransferId lost-t1 -Confirm:$false");
        rerun.AssertNoErrors();
        Assert.Equal("AlreadyDone", rerun.Output.Single().S("Outcome"));
        Assert.Equal(10_000m - 1m, _sandbox.Balance("TONCOIN"));
    }

    [Fact]
    public void Mass_rows_whose_answer_is_lost_are_each_Unknown_with_their_own_client_id()
    {
        _sandbox.AddFault(new { path = "/api/v1/mass-transfers", method = "POST", mode = "status", status = 503 });
        var result = _session.Run("[pscustomobject]@{ UserId = '1'; Amount = '1'; Asset = 'TONCOIN'; ClientTransferId = 'm-a' }, [pscustomobject]@{ UserId = '2'; Amount = '2'; Asset = 'TONCOIN'; ClientTransferId = 'm-b' } | New-XRocketMassTransfer -Confirm:$false");
        Assert.Equal(new[] { "Unknown", "Unknown" }, result.Output.Select(r => r.S("Outcome")));
        Assert.Equal(2, result.Errors.Count);
        Assert.Contains(Note("m-a"), result.Errors[0].Exception.Message);
        Assert.Contains(Note("m-b"), result.Errors[1].Exception.Message);
    }

    [Theory]
    [InlineData("/api/v1/cheques", "New-XRocketCheque -Asset USDT -Amount 1 -ClientChequeId lost-c -Confirm:$false", "lost-c")]
    [InlineData("/api/v1/invoices", "New-XRocketInvoice -Currency USDT -Amount 1 -ClientInvoiceId lost-i", "lost-i")]
    [InlineData("/api/v1/withdrawals", "Invoke-XRocketWithdrawal -Network TON -Address " + TonAddress + " -Asset TONCOIN -Amount 1 -ClientWithdrawalId lost-w -Confirm:$false", "lost-w")]
    public void Cheques_invoices_and_withdrawals_say_the_same(string path, string command, string clientId)
    {
        _sandbox.AddFault(new { path, method = "POST", mode = "status", status = 502 });
        var error = Assert.Single(_session.Run(command).Errors);
        Assert.Contains(Note(clientId), error.Exception.Message);
    }

    [Fact]
    public void With_the_settling_step_a_lost_answer_is_sent_again_and_ends_Sent_with_one_transfer()
    {
        SettleWithin("30");
        _sandbox.AddFault(new { path = "/api/v1/transfers", method = "POST", mode = "after-commit", status = 500 });
        _sandbox.AddFault(new { path = "/api/v1/mass-transfers", method = "POST", mode = "malformed" });
        var single = _session.Run("New-XRocketTransfer -TelegramUserId 7 -Amount 1 -Asset TONCOIN -ClientTransferId settled-1 -Confirm:$false");
        single.AssertNoErrors();
        Assert.Equal("Sent", single.Output.Single().S("Outcome"));
        var mass = _session.Run("[pscustomobject]@{ UserId = '1'; Amount = '1'; Asset = 'TONCOIN' }, [pscustomobject]@{ UserId = '2'; Amount = '2'; Asset = 'TONCOIN' } | New-XRocketMassTransfer -BatchId settled -Confirm:$false");
        mass.AssertNoErrors();
        Assert.Equal(new[] { "Sent", "Sent" }, mass.Output.Select(r => r.S("Outcome")));
        Assert.Equal(10_000m - 4m, _sandbox.Balance("TONCOIN"));
    }

    [Fact]
    public void A_refused_transfer_stays_Failed_and_writes_no_result()
    {
        var result = _session.Run("New-XRocketTransfer -TelegramUserId 404404404 -Amount 1 -Asset TONCOIN -Confirm:$false");
        Assert.Empty(result.Output);
        Assert.DoesNotContain("may have been paid", Assert.Single(result.Errors).Exception.Message);
    }
}
