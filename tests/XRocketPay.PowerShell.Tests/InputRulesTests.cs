using System.Management.Automation;
using XRocketPay.PowerShell.Tests.Hosting;

namespace XRocketPay.PowerShell.Tests;

/// <summary>Rules every cmdlet shares: refused rows carry their client id; an empty amount is MissingParameter, a bad one InvalidAmount.</summary>
public sealed class InputRulesTests : IClassFixture<SandboxFixture>, IDisposable
{
    private const string TonAddress = "0:ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12";
    private const string Rows = @"
$rows = @(
    [pscustomobject]@{ user_id = '1002'; amount = '1,5'; asset = 'TONCOIN' }
    [pscustomobject]@{ user_id = 'abc';  amount = '1';   asset = 'TONCOIN' }
    [pscustomobject]@{ user_id = '1003'; amount = '';    asset = 'TONCOIN' }
    [pscustomobject]@{ user_id = '1004'; amount = '2';   asset = 'TONCOIN'; ClientTransferId = 'own-ok-1' }
    [pscustomobject]@{ user_id = '1005'; amount = 'x';   asset = 'TONCOIN'; ClientTransferId = 'own-bad-1' }
)";

    private readonly SandboxFixture _sandbox;
    private readonly PowerShellSession _session;

    public InputRulesTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
        _session = Connected.Session(sandbox);
        _sandbox.ClearRequests();
    }

    public void Dispose() => _session.Dispose();

    private static string? ClientIdOf(ErrorRecord error) => ((PSObject)error.TargetObject).Properties["ClientTransferId"]?.Value as string;

    [Theory]
    [InlineData("New-XRocketTransfer")]
    [InlineData("New-XRocketMassTransfer")]
    public void Every_refused_row_carries_the_client_id_it_would_have_been_sent_with(string cmdlet)
    {
        var result = _session.Run(Rows + $"\n$rows | {cmdlet} -Confirm:$false");
        Assert.Equal(4, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrEmpty(ClientIdOf(e)), e.FullyQualifiedErrorId));
        Assert.StartsWith("xrp-", ClientIdOf(result.Errors[0]));
        Assert.Equal("own-bad-1", ClientIdOf(result.Errors[3]));
        Assert.Equal("own-ok-1", result.Output.Single().S("ClientTransferId"));
    }

    [Fact]
    public void With_a_batch_id_a_refused_row_gets_the_same_derived_id_on_every_run()
    {
        var first = _session.Run(Rows + "\n$rows | New-XRocketTransfer -BatchId fix-me -WhatIf");
        var again = _session.Run(Rows + "\n$rows | New-XRocketTransfer -BatchId fix-me -WhatIf");
        Assert.Empty(_sandbox.StateChangingRequests());
        var ids = first.Errors.Select(ClientIdOf).ToList();
        Assert.All(ids.Take(3), id => Assert.StartsWith("b-", id));
        Assert.Equal(ids, again.Errors.Select(ClientIdOf));
    }

    [Theory]
    [InlineData("New-XRocketTransfer -TelegramUserId 7 -Asset TONCOIN -Amount {0} -Confirm:$false")]
    [InlineData("New-XRocketMassTransfer -TelegramUserId 7 -Asset TONCOIN -Amount {0} -Confirm:$false")]
    [InlineData("New-XRocketCheque -Asset USDT -Amount {0} -Confirm:$false")]
    [InlineData("Invoke-XRocketWithdrawal -Network TON -Address " + TonAddress + " -Asset TONCOIN -Amount {0} -Confirm:$false")]
    [InlineData("New-XRocketWithdrawalLink -Network TON -Address " + TonAddress + " -Asset TONCOIN -Amount {0} -Confirm:$false")]
    [InlineData("New-XRocketInvoice -Currency USDT -Amount {0} -Confirm:$false")]
    [InlineData("New-XRocketInvoice -Currency USDT -MinPayment {0} -Confirm:$false")]
    [InlineData("Invoke-XRocketInvoicePayment -InvoiceId 1 -Amount {0} -Confirm:$false")]
    public void An_empty_amount_is_MissingParameter_and_an_unparseable_one_InvalidAmount_for_every_cmdlet(string command)
    {
        foreach (var (amount, errorId) in new[] { ("''", "MissingParameter"), ("'  '", "MissingParameter"), ("'1,5'", "InvalidAmount"), ("'abc'", "InvalidAmount") })
        {
            var result = _session.Run(string.Format(System.Globalization.CultureInfo.InvariantCulture, command, amount));
            var error = Assert.Single(result.Errors);
            Assert.Equal(errorId, error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Empty(result.Output);
        }

        Assert.Empty(_sandbox.StateChangingRequests());
    }

    [Fact]
    public void Cheque_invoice_and_withdrawal_errors_carry_the_client_id_made_before_checking()
    {
        var cheque = Assert.Single(_session.Run("New-XRocketCheque -Asset USDT -Amount '1,5' -Confirm:$false").Errors);
        Assert.StartsWith("xrp-", ((PSObject)cheque.TargetObject).Properties["ResolvedClientChequeId"].Value as string);
        var invoice = Assert.Single(_session.Run("New-XRocketInvoice -Currency USDT -Amount '1,5' -ClientInvoiceId inv-own").Errors);
        Assert.Equal("inv-own", ((PSObject)invoice.TargetObject).Properties["ResolvedClientInvoiceId"].Value);
        var withdrawal = Assert.Single(_session.Run($"Invoke-XRocketWithdrawal -Network TON -Address {TonAddress} -Asset TONCOIN -Amount '' -Confirm:$false").Errors);
        Assert.StartsWith("xrp-", ((PSObject)withdrawal.TargetObject).Properties["ResolvedClientWithdrawalId"].Value as string);
        Assert.Empty(_sandbox.StateChangingRequests());
    }

    [Theory]
    [InlineData("Get-XRocketTransfer")]
    [InlineData("Get-XRocketCheque")]
    [InlineData("Get-XRocketWithdrawal")]
    public void A_From_later_than_To_is_a_clear_error_and_sends_nothing(string cmdlet)
    {
        var result = _session.Run($"{cmdlet} -From 2030-01-01 -To 2020-01-01");
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("InvalidParameter,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("-From", error.Exception.Message);
        Assert.Contains("Nothing was sent", error.Exception.Message);
        Assert.Empty(result.Output);
        Assert.Empty(_sandbox.Requests());
        _session.Run($"{cmdlet} -From 2020-01-01 -To 2030-01-01").AssertNoErrors();
    }

    [Fact]
    public void The_offline_currency_and_network_list_is_the_sandbox_catalogue()
    {
        const string describe = "ForEach-Object { '{0}|{1}|{2}' -f $_.Code, $_.Kind, (@($_.Networks | ForEach-Object Code) -join ',') }";
        var served = _session.Run("Get-XRocketCurrency | " + describe).All<string>().OrderBy(v => v, StringComparer.Ordinal).ToList();
        const string offline = """
            $module = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'XRocketPay.PowerShell' })[0]
            $module.GetType('XRocketPay.PowerShell.Infrastructure.CompletionCatalog').GetField('Offline', [Reflection.BindingFlags]'NonPublic,Static').GetValue($null) |
            """;
        Assert.NotEmpty(served);
        Assert.Equal(served, _session.Run(offline + describe).All<string>().OrderBy(v => v, StringComparer.Ordinal).ToList());
    }

    [Theory]
    [InlineData("Get-XRocketInvoice", "InvoiceStatus", "partially_paid")]
    [InlineData("Get-XRocketCheque", "ChequeState", "draft")]
    [InlineData("Get-XRocketCheque", "ChequeState", "error")]
    [InlineData("Get-XRocketWithdrawal", "WithdrawalStatus", "FAIL")]
    public void A_status_is_accepted_without_a_warning_exactly_when_it_is_completed_from_the_cores_list(string cmdlet, string coreType, string mustBeKnown)
    {
        var known = _session.Run($"[XRocketPay.Client.Models.{coreType}]::Known").All<string>().ToList();
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = _session.Runspace;
        var input = $"{cmdlet} -Status ";
        var completed = CommandCompletion.CompleteInput(input, input.Length, null, ps).CompletionMatches.Select(m => m.CompletionText).ToList();
        Assert.Contains(mustBeKnown, completed);
        Assert.Equal(known.OrderBy(v => v, StringComparer.Ordinal), completed.OrderBy(v => v, StringComparer.Ordinal));
        foreach (var value in completed)
        {
            var result = _session.Run($"{cmdlet} -Status '{value}'");
            result.AssertNoErrors();
            Assert.Empty(result.Warnings);
        }

        Assert.Contains("not a known value", Assert.Single(_session.Run($"{cmdlet} -Status 'no-such-status'").Warnings).Message);
    }
}
