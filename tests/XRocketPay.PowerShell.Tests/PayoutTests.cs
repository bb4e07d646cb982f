using System.Management.Automation;
using XRocketPay.PowerShell.Tests.Hosting;

namespace XRocketPay.PowerShell.Tests;

/// <summary>Payouts from CSV-like rows: strict money, per-row errors, -WhatIf, batch re-runs, mass transfers.</summary>
public sealed class PayoutTests : IClassFixture<SandboxFixture>, IDisposable
{
    private const string Rows = @"
$rows = @(
    [pscustomobject]@{ user_id = '1001'; amount = '1.5';  asset = 'TONCOIN'; description = 'first' }
    [pscustomobject]@{ user_id = '1002'; amount = '1,5';  asset = 'TONCOIN'; description = 'decimal comma' }
    [pscustomobject]@{ user_id = '1003'; amount = '';     asset = 'TONCOIN'; description = 'no amount' }
    [pscustomobject]@{ user_id = '1004'; amount = '2.25'; asset = 'usdt';    description = 'second' }
    [pscustomobject]@{ user_id = 'abc';  amount = '1';    asset = 'TONCOIN'; description = 'bad user' }
    [pscustomobject]@{ user_id = '1001'; amount = '1.5';  asset = 'TONCOIN'; description = 'first' }
)";

    private readonly SandboxFixture _sandbox;
    private readonly PowerShellSession _session;

    public PayoutTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
        _session = Connected.Session(sandbox);
        _sandbox.ClearRequests();
    }

    public void Dispose() => _session.Dispose();

    [Fact]
    public void WhatIf_sends_no_request_at_all_and_says_what_it_would_do()
    {
        var result = _session.Run(Rows + "\n$rows | New-XRocketTransfer -WhatIf -BatchId b1");
        Assert.Empty(result.Output);
        Assert.Empty(_sandbox.StateChangingRequests());
        Assert.Contains("What if: Performing the operation \"Transfer 1.5 TONCOIN", result.HostText);
        Assert.Contains("on target \"Telegram user 1004\"", result.HostText);
        Assert.Equal(3, result.Errors.Count);
        Assert.Equal(10_000m, _sandbox.Balance("TONCOIN"));
    }

    [Fact]
    public void Good_rows_are_paid_and_bad_rows_become_errors_captured_by_ErrorVariable()
    {
        var result = _session.Run(Rows + "\n$rows | New-XRocketTransfer -Confirm:$false -ErrorVariable bad -ErrorAction SilentlyContinue; $script:badCount = $bad.Count; $script:bad = $bad");
        var paid = result.Output.ToList();
        Assert.Equal(3, paid.Count);
        Assert.All(paid, p => Assert.Equal("Sent", p.S("Outcome")));
        Assert.Equal("USDT", paid[1].S("Asset"));
        Assert.Equal(2.25m, paid[1].P("Amount"));
        Assert.NotEqual(paid[0].S("ClientTransferId"), paid[2].S("ClientTransferId"));
        Assert.Equal(10_000m - 3m, _sandbox.Balance("TONCOIN"));
        Assert.Equal(10_000m - 2.25m, _sandbox.Balance("USDT"));

        var bad = ((System.Collections.ArrayList)_session.Runspace.SessionStateProxy.GetVariable("bad")).Cast<ErrorRecord>().ToList();
        Assert.Equal(new[] { "InvalidAmount", "MissingParameter", "InvalidParameter" }, bad.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.All(bad, e => Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category));
        var target = (PSObject)bad[0].TargetObject;
        Assert.Equal("1002", target.Properties["user_id"].Value);
        Assert.Equal("1,5", target.Properties["amount"].Value);
        Assert.Contains("','", bad[0].Exception.Message);
        Assert.NotNull(target.Properties["ClientTransferId"]);
    }

    [Fact]
    public void A_batch_rerun_pays_nothing_twice_and_reports_AlreadyDone()
    {
        var first = _session.Run(Rows + "\n$rows | New-XRocketTransfer -BatchId payroll-2026-11 -Confirm:$false -ErrorAction SilentlyContinue");
        var firstIds = first.Output.Select(r => r.S("ClientTransferId")!).ToList();
        Assert.Equal(3, firstIds.Distinct().Count());
        Assert.All(firstIds, id => Assert.True(id.Length <= 50));
        var balance = _sandbox.Balance("TONCOIN");

        var again = _session.Run(Rows + "\n$rows | New-XRocketTransfer -BatchId payroll-2026-11 -Confirm:$false -ErrorAction SilentlyContinue");
        var rerun = again.Output.ToList();
        Assert.All(rerun, r => Assert.Equal("AlreadyDone", r.S("Outcome")));
        Assert.Equal(firstIds, rerun.Select(r => r.S("ClientTransferId")));
        Assert.Equal(balance, _sandbox.Balance("TONCOIN"));
        Assert.DoesNotContain(_sandbox.Requests(), r => r.Method == "POST" && r.Path == "/api/v1/transfers" && r.Body!.Contains("b-", StringComparison.Ordinal) && !firstIds.Any(id => r.Body.Contains(id, StringComparison.Ordinal)));
    }

    [Fact]
    public void Failed_rows_rerun_from_their_error_targets_with_the_same_client_id()
    {
        var result = _session.Run(@"
$row = [pscustomobject]@{ user_id = '404404404'; amount = '1'; asset = 'TONCOIN' }
$row | New-XRocketTransfer -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
$failed[0]");
        var error = (ErrorRecord)result.Output.Single().BaseObject;
        var target = (PSObject)error.TargetObject;
        Assert.Equal("TargetUserNotFound,XRocketPay.PowerShell.Commands.Transfers.NewXRocketTransferCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        var clientId = (string)target.Properties["ClientTransferId"].Value;

        var rerun = _session.Run("$t = $failed[0].TargetObject; $t.user_id = '4040'; $t | New-XRocketTransfer -Confirm:$false");
        rerun.AssertNoErrors();
        Assert.Equal(clientId, rerun.Output.Single().S("ClientTransferId"));
    }

    [Fact]
    public void Api_errors_keep_the_pipeline_going_with_PascalCase_ids()
    {
        var result = _session.Run(@"
[pscustomobject]@{ UserId = '1'; Amount = '20000'; Currency = 'TONCOIN' },
[pscustomobject]@{ UserId = '2'; Amount = '3'; Currency = 'TONCOIN' } | New-XRocketTransfer -Confirm:$false");
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("AmountMoreThanAppBalance,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.QuotaExceeded, error.CategoryInfo.Category);
        Assert.Equal("1", ((PSObject)error.TargetObject).Properties["UserId"].Value);
        Assert.Equal(3m, (decimal)result.Output.Single().P("Amount")!);
    }

    [Fact]
    public void Money_never_goes_through_the_default_binder()
    {
        var result = _session.Run(@"
New-XRocketTransfer -TelegramUserId 7 -Amount '1,5' -Asset TONCOIN -Confirm:$false
New-XRocketTransfer -TelegramUserId 7 -Amount 0.1 -Asset TONCOIN -Confirm:$false
New-XRocketTransfer -TelegramUserId 7 -Amount '12345678.123456789' -Asset USDT -WhatIf");
        Assert.StartsWith("InvalidAmount,", Assert.Single(result.Errors).FullyQualifiedErrorId);
        Assert.Equal(0.1m, (decimal)result.Output.Single().P("Amount")!);
        Assert.Contains("Transfer 12345678.123456789 USDT", result.HostText);
        Assert.Equal(10_000m - 0.1m, _sandbox.Balance("TONCOIN"));
    }

    [Fact]
    public void ConfirmImpact_High_prompts_and_a_non_interactive_host_refuses_without_Confirm_false()
    {
        var refused = _session.Run("New-XRocketTransfer -TelegramUserId 7 -Amount 1 -Asset TONCOIN");
        Assert.NotEmpty(refused.Errors);
        Assert.Empty(refused.Output);

        _session.Host.ChoiceAnswers.Enqueue("&Yes");
        var confirmed = _session.Run("New-XRocketTransfer -TelegramUserId 7 -Amount 1 -Asset TONCOIN");
        confirmed.AssertNoErrors();
        Assert.Contains("Transfer 1 TONCOIN", Assert.Single(_session.Host.Prompts));
        Assert.Equal(10_000m - 1m, _sandbox.Balance("TONCOIN"));

        _session.Host.ChoiceAnswers.Enqueue("&No");
        var declined = _session.Run("New-XRocketTransfer -TelegramUserId 7 -Amount 1 -Asset TONCOIN");
        Assert.Empty(declined.Output);
        Assert.Equal(10_000m - 1m, _sandbox.Balance("TONCOIN"));
    }

    [Fact]
    public void Mass_transfers_group_by_asset_chunk_and_report_every_row()
    {
        var whatIf = _session.Run(Rows + "\n$rows | New-XRocketMassTransfer -ChunkSize 2 -WhatIf -ErrorAction SilentlyContinue");
        Assert.Empty(_sandbox.StateChangingRequests());
        Assert.Contains("Mass transfer of 3 TONCOIN in 2 transfer(s)", whatIf.HostText);
        Assert.Contains("Mass transfer of 2.25 USDT in 1 transfer(s)", whatIf.HostText);

        var result = _session.Run(Rows + "\n$rows + [pscustomobject]@{ user_id = '404404404'; amount = '1'; asset = 'TONCOIN' } | New-XRocketMassTransfer -ChunkSize 2 -BatchId mass-1 -Confirm:$false");
        var rows = result.Output.ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(3, rows.Count(r => r.S("Outcome") == "Sent"));
        var failed = rows.Single(r => r.S("Outcome") == "Failed");
        Assert.Equal("404404404", failed.S("TelegramUserId"));
        Assert.Contains(result.Errors, e => e.FullyQualifiedErrorId.StartsWith("TargetUserNotFound,", StringComparison.Ordinal));
        Assert.Equal(2, _sandbox.Requests().Count(r => r.Path == "/api/v1/mass-transfers" && r.Body!.Contains("TONCOIN")));
        Assert.Equal(10_000m - 3m, _sandbox.Balance("TONCOIN"));

        var again = _session.Run(Rows + "\n$rows | New-XRocketMassTransfer -BatchId mass-1 -Confirm:$false -ErrorAction SilentlyContinue");
        Assert.All(again.Output, r => Assert.Equal("AlreadyDone", r.S("Outcome")));
        Assert.Equal(10_000m - 3m, _sandbox.Balance("TONCOIN"));
    }
}
