using System.Management.Automation;
using XRocketPay.PowerShell.Tests.Hosting;

namespace XRocketPay.PowerShell.Tests;

/// <summary>Every other cmdlet through a real engine against the sandbox.</summary>
public sealed class CmdletTests : IClassFixture<SandboxFixture>, IDisposable
{
    private const string TonAddress = "0:ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12";
    private readonly SandboxFixture _sandbox;
    private readonly PowerShellSession _session;

    public CmdletTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
        _session = Connected.Session(sandbox);
        _sandbox.ClearRequests();
    }

    public void Dispose() => _session.Dispose();

    [Fact]
    public void Connection_is_masked_and_without_one_every_cmdlet_names_Connect_XRocket()
    {
        var connection = _session.Run("Get-XRocketConnection").Output.Single();
        Assert.Equal("Sandbox", connection.S("Environment"));
        Assert.Equal("XRocketPay Sandbox", connection.S("AppName"));
        Assert.Equal("sa…en", connection.S("TokenHint"));
        Assert.DoesNotContain(_sandbox.Token, connection.ToString());

        _session.Run("Disconnect-XRocket").AssertNoErrors();
        var result = _session.Run("Get-XRocketBalance");
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("NotConnected,", error.FullyQualifiedErrorId);
        Assert.Contains("Connect-XRocket", error.Exception.Message);
    }

    [Fact]
    public void Connect_refuses_a_bad_token_and_plain_http_off_loopback()
    {
        using var fresh = PowerShellSession.Create();
        var bad = fresh.Run("Connect-XRocket -BaseUri $u -ApiKey $k", ("u", _sandbox.BaseUri), ("k", Connected.Secure("not-a-valid-token")));
        Assert.StartsWith("Unauthorized,", Assert.Single(bad.Errors).FullyQualifiedErrorId);
        var http = fresh.Run("Connect-XRocket -BaseUri 'http://pay.example.com' -ApiKey $k");
        Assert.StartsWith("InvalidParameter,", Assert.Single(http.Errors).FullyQualifiedErrorId);
        Assert.Single(fresh.Run("Get-XRocketConnection").Errors);
    }

    [Fact]
    public void Connect_reads_the_environment_variable_a_credential_or_a_SecretManagement_vault()
    {
        using var fresh = PowerShellSession.Create();
        var credential = fresh.Run("Connect-XRocket -BaseUri $u -Credential ([pscredential]::new('app', $k)) -PassThru", ("u", _sandbox.BaseUri), ("k", Connected.Secure(SandboxFixture.CanaryToken)));
        credential.AssertNoErrors();
        Assert.Equal("Custom", credential.Output.Single().S("Environment"));

        var vault = fresh.Run(@"
function Get-Secret { param($Name, $Vault) if ($Name -eq 'xrocket' -and $Vault -eq 'ops') { $k } }
Connect-XRocket -BaseUri $u -Vault ops -SecretName xrocket -PassThru");
        vault.AssertNoErrors();
        Assert.Single(vault.Output);

        Environment.SetEnvironmentVariable("XROCKET_API_KEY", _sandbox.Token);
        try
        {
            fresh.Run("Connect-XRocket -BaseUri $u").AssertNoErrors();
        }
        finally
        {
            Environment.SetEnvironmentVariable("XROCKET_API_KEY", null);
        }
    }

    [Fact]
    public void Two_runspaces_keep_two_connections_apart()
    {
        using var other = Connected.Session(_sandbox, SandboxFixture.CanaryToken);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("sa…en", _session.Run("(Get-XRocketConnection).TokenHint").Single<string>());
            Assert.Equal("ca…EN", other.Run("(Get-XRocketConnection).TokenHint").Single<string>());
            _session.Run("Get-XRocketBalance -Asset TONCOIN").AssertNoErrors();
            other.Run("Get-XRocketBalance -Asset USDT").AssertNoErrors();
        }

        other.Run("Disconnect-XRocket").AssertNoErrors();
        Assert.Empty(_session.Run("Get-XRocketConnection").Errors);
        Assert.Single(other.Run("Get-XRocketConnection").Errors);
    }

    [Fact]
    public void App_balances_currencies_rates_and_quotas()
    {
        Assert.Equal("XRocketPay Sandbox", _session.Run("Get-XRocketApp").Output.Single().S("Name"));
        var balances = _session.Run("Get-XRocketBalance -Asset TONCOIN, usdt").Output;
        Assert.Equal(new[] { "TONCOIN", "USDT" }, balances.Select(b => b.S("Asset")).OrderBy(a => a));
        Assert.Equal(10_000m, balances[0].P("Available"));
        Assert.Contains(_session.Run("Get-XRocketCurrency -Kind crypto").Output, c => c.S("Code") == "SOL");
        Assert.Equal(65_000m, _session.Run("Get-XRocketRate -Asset BTC").Output.Single().P("Value"));
        Assert.Equal(0.05m, _session.Run("Get-XRocketWithdrawalQuota -Network TON -Asset TONCOIN").Output.Single().P("WithdrawFee"));
    }

    [Fact]
    public void Cheques_new_get_set_and_piped_remove()
    {
        var created = _session.Run("New-XRocketCheque -Asset USDT -Amount 5 -Description gift -Password $p -Confirm:$false", ("p", Connected.Secure("cheque-pass")));
        created.AssertNoErrors();
        var id = created.Output.Single().S("ChequeId");
        Assert.Equal(5m, _session.Run($"Get-XRocketCheque -Id {id}").Output.Single().P("Amount"));
        Assert.Equal("changed", _session.Run($"Get-XRocketCheque -Id {id} | Set-XRocketCheque -Description changed -Confirm:$false").Output.Single().S("Description"));

        _sandbox.ClearRequests();
        var whatIf = _session.Run("$c = Get-XRocketCheque; $c | Remove-XRocketCheque -WhatIf");
        Assert.Contains($"on target \"Cheque id {id}\"", whatIf.HostText);
        Assert.DoesNotContain(_sandbox.Requests(), r => r.Method == "DELETE");
        _session.Run("Get-XRocketCheque | Remove-XRocketCheque -Confirm:$false").AssertNoErrors();
        Assert.Equal(true, _session.Run($"Get-XRocketCheque -Id {id}").Output.Single().P("Deleted"));
        Assert.StartsWith("InvalidAmount,", Assert.Single(_session.Run("New-XRocketCheque -Asset USDT -Amount '1 000' -Confirm:$false").Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public void Invoices_new_pay_payments_address_and_piped_remove()
    {
        var invoice = _session.Run("New-XRocketInvoice -Currency TONCOIN -Amount 12.5 -Description order -ExpiresInSec 600").Output.Single();
        var id = invoice.S("Id");
        Assert.Equal("TON", _session.Run($"New-XRocketInvoicePaymentAddress -InvoiceId {id} -Network TON").Output.Single().S("PayNetwork"));
        Assert.Equal("paid", _session.Run($"Get-XRocketInvoice -Id {id} | Invoke-XRocketInvoicePayment -Confirm:$false").Output.Single().S("Status"));
        Assert.Equal(12.5m, _session.Run($"Get-XRocketInvoice -Id {id} | Get-XRocketInvoicePayment").Output.Single().P("PayAmount"));
        Assert.Equal(10_012.5m, _sandbox.Balance("TONCOIN"));

        var open = _session.Run("New-XRocketInvoice -Currency USDT -MinPayment 1 -ClientInvoiceId open-1").Output.Single();
        Assert.Null(open.P("PriceAmount"));
        _session.Run("Get-XRocketInvoice -ClientInvoiceId open-1 | Remove-XRocketInvoice -Confirm:$false").AssertNoErrors();
        Assert.StartsWith("InvoiceNotFound,", Assert.Single(_session.Run("Get-XRocketInvoice -ClientInvoiceId open-1").Errors).FullyQualifiedErrorId);
        Assert.Single(_session.Run("Get-XRocketInvoice -Status paid").Output);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Exchange")]
    public void Test_payments_are_refused_on_a_production_connection_before_anything_is_sent(string environment)
    {
        using var production = PowerShellSession.Create();
        production.Run($"Connect-XRocket -Environment {environment} -BaseUri $u -ApiKey $k", ("u", _sandbox.BaseUri), ("k", Connected.Secure(_sandbox.Token))).AssertNoErrors();
        var invoiceId = _session.Run("(New-XRocketInvoice -Currency USDT -Amount 1).Id").Single<string>();
        _sandbox.ClearRequests();
        var refused = production.Run($"Invoke-XRocketInvoicePayment -InvoiceId {invoiceId} -Confirm:$false");
        Assert.StartsWith("TestOnlyOperation,", Assert.Single(refused.Errors).FullyQualifiedErrorId);
        Assert.Empty(_sandbox.StateChangingRequests());
    }

    [Fact]
    public void Withdrawals_invoke_piped_into_wait_get_and_link()
    {
        var whatIf = _session.Run($"Invoke-XRocketWithdrawal -Network TON -Address {TonAddress} -Asset TONCOIN -Amount 3 -WhatIf");
        Assert.Contains("Withdraw 3 TONCOIN", whatIf.HostText);
        Assert.Empty(_sandbox.StateChangingRequests());

        var done = _session.Run($"Invoke-XRocketWithdrawal -Network TON -Address {TonAddress} -Asset TONCOIN -Amount 3 -ClientWithdrawalId wd-ps-1 -Confirm:$false | Wait-XRocketWithdrawal -PollIntervalSec 1 -TimeoutSec 60");
        done.AssertNoErrors();
        Assert.Equal("COMPLETED", done.Output.Single().S("Status"));
        Assert.Single(_session.Run("Get-XRocketWithdrawal -Status completed").Output);
        Assert.Equal("wd-ps-1", _session.Run("Get-XRocketWithdrawal -ClientWithdrawalId wd-ps-1").Output.Single().S("ClientWithdrawalId"));
        var rerun = _session.Run($"Invoke-XRocketWithdrawal -Network TON -Address {TonAddress} -Asset TONCOIN -Amount 3 -ClientWithdrawalId wd-ps-1 -Confirm:$false");
        Assert.Single(rerun.Warnings);
        Assert.Equal(10_000m - 3.05m, _sandbox.Balance("TONCOIN"));
        Assert.StartsWith("https://t.me/", _session.Run($"New-XRocketWithdrawalLink -Network TON -Address {TonAddress} -Asset TONCOIN -Amount 1 -Confirm:$false").Output.Single().S("TelegramBotLink"));
        Assert.StartsWith("WithdrawalIncorrectAddress,", Assert.Single(_session.Run("Invoke-XRocketWithdrawal -Network ETH -Address 0x1 -Asset ETH -Amount 1 -Confirm:$false").Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public void Lists_stream_with_First_and_Skip_across_pages()
    {
        _session.Run("1..7 | ForEach-Object { New-XRocketTransfer -TelegramUserId $_ -Amount 1 -Asset TRX -Confirm:$false }").AssertNoErrors();
        Assert.Equal(7, _session.Run("Get-XRocketTransfer").Output.Count);
        var page = _session.Run("Get-XRocketTransfer -First 3 -Skip 1").Output;
        Assert.Equal(new[] { "6", "5", "4" }, page.Select(t => t.S("Target")));
        var piped = _session.Run("Get-XRocketTransfer -First 1 | Get-XRocketTransfer").Output.Single();
        Assert.Equal("7", piped.S("Target"));
    }

    [Fact]
    public void Verbose_is_one_line_per_attempt_debug_bodies_are_redacted_and_the_canary_token_appears_nowhere()
    {
        using var canary = Connected.Session(_sandbox, SandboxFixture.CanaryToken);
        _sandbox.AddFault(new { path = "/api/v1/cheques", method = "POST", mode = "status", status = 503 });
        var result = canary.Run(@"
New-XRocketCheque -Asset USDT -Amount 1 -Password $p -Confirm:$false -Verbose -Debug
New-XRocketTransfer -TelegramUserId 404404404 -Amount 1 -Asset USDT -Confirm:$false -Verbose -Debug
Get-XRocketConnection | Out-Host
Get-XRocketConnection", ("p", Connected.Secure("cheque-pass")));
        Assert.Contains(result.Verbose, v => v.Message.StartsWith("POST /api/v1/cheques -> 503", StringComparison.Ordinal) && v.Message.EndsWith("(attempt 1)", StringComparison.Ordinal));
        Assert.Contains(result.Verbose, v => v.Message.StartsWith("POST /api/v1/cheques -> 201", StringComparison.Ordinal) && v.Message.EndsWith("(attempt 2)", StringComparison.Ordinal));
        Assert.Contains(result.Debug, d => d.Message.Contains("\"password\":\"***\"", StringComparison.Ordinal));
        Assert.NotEmpty(result.Errors);
        var everything = result.EverythingAsText();
        Assert.DoesNotContain(SandboxFixture.CanaryToken, everything);
        Assert.DoesNotContain("cheque-pass", everything);
    }

    [Fact]
    public async Task Ctrl_C_cancels_in_flight_http()
    {
        _sandbox.AddFault(new { path = "/api/v1/balances", mode = "delay", delayMs = 60_000 });
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = _session.Runspace;
        ps.AddScript("Get-XRocketBalance");
        var running = ps.BeginInvoke();
        await Task.Delay(500);
        var stop = Task.Run(ps.Stop);
        Assert.Same(stop, await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(30))));
        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        Assert.True(running.IsCompleted);
    }

    [Fact]
    public void Asset_and_network_arguments_complete_from_the_currencies_call()
    {
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = _session.Runspace;
        const string input = "New-XRocketTransfer -Asset TO";
        var assets = CommandCompletion.CompleteInput(input, input.Length, null, ps).CompletionMatches.Select(m => m.CompletionText);
        Assert.Contains("TONCOIN", assets);
        const string network = "Get-XRocketWithdrawalQuota -Network B";
        Assert.Equal(new[] { "BSC", "BTC" }, CommandCompletion.CompleteInput(network, network.Length, null, ps).CompletionMatches.Select(m => m.CompletionText));
    }

    [Fact]
    public void Webhook_cmdlets_verify_and_parse_a_sandbox_signed_delivery()
    {
        var sink = _sandbox.WebhookSink.ToString();
        var invoice = _session.Run($"New-XRocketInvoice -Currency TONCOIN -Amount 2 -CallbackUrl '{sink}'").Output.Single();
        _session.Run($"Invoke-XRocketInvoicePayment -InvoiceId {invoice.S("Id")} -Confirm:$false").AssertNoErrors();
        var items = _sandbox.ReceivedWebhooks();
        for (var i = 0; i < 200 && items.Count == 0; i++)
        {
            Thread.Sleep(25);
            items = _sandbox.ReceivedWebhooks();
        }

        var headers = new System.Collections.Hashtable(items[0].Headers);
        var body = items[0].Body;
        var secret = Connected.Secure(XRocketPay.Sandbox.SandboxOptions.DefaultWebhookSecret);
        Assert.True(_session.Run("Test-XRocketWebhookSignature -Body $b -Headers $h -Secret $s", ("b", body), ("h", headers), ("s", secret)).Single<bool>());
        Assert.False(_session.Run("Test-XRocketWebhookSignature -Body ($b + ' ') -Headers $h -Secret $s").Single<bool>());
        var parsed = _session.Run("ConvertFrom-XRocketWebhook -Body $b -Headers $h -Secret $s").Output.Single();
        Assert.Equal("invoice", parsed.S("Type"));
        var tampered = _session.Run("ConvertFrom-XRocketWebhook -Body $b.Replace('\"2\"', '\"200\"') -Headers $h -Secret $s");
        Assert.StartsWith("InvalidWebhookSignature,", Assert.Single(tampered.Errors).FullyQualifiedErrorId);
    }
}
