using System;
using System.Diagnostics;
using System.Management.Automation;
using XRocketPay.Client;
using XRocketPay.Client.Models;
using XRocketPay.PowerShell.Infrastructure;

namespace XRocketPay.PowerShell.Commands.Withdrawals;

/// <summary>Withdraws to a blockchain address. Irreversible: ConfirmImpact High.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "XRocketWithdrawal", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(Withdrawal))]
public sealed class InvokeXRocketWithdrawalCommand : XRocketCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(NetworkCompleter))]
    public string Network { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    public string Address { get; set; } = "";

    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [Alias("Currency")]
    [ArgumentCompleter(typeof(AssetCompleter))]
    public string Asset { get; set; } = "";

    [Parameter(Mandatory = true, Position = 3, ValueFromPipelineByPropertyName = true)]
    [MoneyTransformation]
    public AmountArgument? Amount { get; set; }

    /// <summary>Memo or tag; at most 50 characters.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Comment { get; set; }

    /// <summary>Your id (at most 50 characters): a re-run with the same id never withdraws twice.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateLength(1, 50)]
    public string? ClientWithdrawalId { get; set; }

    [Parameter]
    public string? CallbackUrl { get; set; }

    protected override void ProcessRecord()
    {
        var target = this.BoundTarget();
        if (!this.TryRead(Amount, nameof(Amount), required: true, target, out var amount))
        {
            return;
        }

        var network = Network.Trim().ToUpperInvariant();
        var asset = Asset.Trim().ToUpperInvariant();
        var clientId = string.IsNullOrWhiteSpace(ClientWithdrawalId) ? "xrp-" + Guid.NewGuid().ToString("N") : ClientWithdrawalId!.Trim();
        target.Properties.Add(new PSNoteProperty("ResolvedClientWithdrawalId", clientId));
        if (!ShouldProcess($"{network} address {Address}", $"Withdraw {XRocketMoney.Format(amount!.Value)} {asset} (client id {clientId})"))
        {
            return;
        }

        var request = new CreateWithdrawalRequest
        {
            ClientWithdrawalId = clientId,
            Network = network,
            Address = Address.Trim(),
            Asset = asset,
            Amount = amount.Value,
            Comment = Comment,
            Callback = CallbackUrl is null ? null : new Callback { CallbackUrl = CallbackUrl },
        };
        Try(target, () =>
        {
            var created = Call((client, ct) => client.CreateWithdrawalAsync(request, ct));
            if (created.AlreadyExisted)
            {
                WriteWarning($"Withdrawal with client id '{clientId}' already existed with the same data; returning it, nothing was sent again.");
            }

            WriteObject(created.Value);
        });
    }
}

/// <summary>Gets a withdrawal by id or client id, or lists withdrawals.</summary>
[Cmdlet(VerbsCommon.Get, "XRocketWithdrawal", DefaultParameterSetName = ParameterSets.List, SupportsPaging = true)]
[OutputType(typeof(Withdrawal))]
public sealed class GetXRocketWithdrawalCommand : XRocketCmdlet
{
    [Parameter(ParameterSetName = ParameterSets.ById, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("WithdrawalId")]
    public string? Id { get; set; }

    [Parameter(ParameterSetName = ParameterSets.ByClientId, Mandatory = true)]
    public string? ClientWithdrawalId { get; set; }

    [Parameter(ParameterSetName = ParameterSets.List)]
    public string? Status { get; set; }

    [Parameter(ParameterSetName = ParameterSets.List)]
    public DateTimeOffset? From { get; set; }

    [Parameter(ParameterSetName = ParameterSets.List)]
    public DateTimeOffset? To { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ParameterSets.List)
        {
            var filter = new ListFilter { Status = Status?.ToUpperInvariant(), FromDate = From, ToDate = To };
            Try(null, () => WriteList((client, cursor, ct) => client.ListWithdrawalsPageAsync(filter, cursor, ct)));
            return;
        }

        var reference = ParameterSets.Reference(Id, ClientWithdrawalId);
        Try(Id ?? ClientWithdrawalId, () => WriteObject(Call((client, ct) => client.GetWithdrawalAsync(reference, ct))));
    }
}

/// <summary>Waits until a withdrawal is COMPLETED or FAIL and returns it.</summary>
[Cmdlet(VerbsLifecycle.Wait, "XRocketWithdrawal", DefaultParameterSetName = ParameterSets.ById)]
[OutputType(typeof(Withdrawal))]
public sealed class WaitXRocketWithdrawalCommand : XRocketCmdlet
{
    [Parameter(ParameterSetName = ParameterSets.ById, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("WithdrawalId")]
    public string? Id { get; set; }

    [Parameter(ParameterSetName = ParameterSets.ByClientId, Mandatory = true)]
    public string? ClientWithdrawalId { get; set; }

    [Parameter]
    [ValidateRange(1, 86_400)]
    public int TimeoutSec { get; set; } = 300;

    [Parameter]
    [ValidateRange(1, 3_600)]
    public int PollIntervalSec { get; set; } = 2;

    protected override void ProcessRecord()
    {
        var reference = ParameterSets.Reference(Id, ClientWithdrawalId);
        var clock = Stopwatch.StartNew();
        Try(Id ?? ClientWithdrawalId, () =>
        {
            while (true)
            {
                var withdrawal = Call((client, ct) => client.GetWithdrawalAsync(reference, ct));
                if (withdrawal.IsFinal)
                {
                    WriteObject(withdrawal);
                    return;
                }

                if (clock.Elapsed.TotalSeconds >= TimeoutSec)
                {
                    WriteError(new ErrorRecord(new TimeoutException($"Withdrawal {withdrawal.WithdrawalId} is still {withdrawal.Status} after {TimeoutSec} s."),
                        InputErrorIds.WaitTimeout, ErrorCategory.OperationTimeout, withdrawal));
                    return;
                }

                WriteVerbose($"Withdrawal {withdrawal.WithdrawalId} is {withdrawal.Status}; checking again in {PollIntervalSec} s.");
                if (StopToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(PollIntervalSec)))
                {
                    throw new PipelineStoppedException();
                }
            }
        });
    }
}

/// <summary>Creates a link the recipient opens to confirm a withdrawal; nothing moves until they do.</summary>
[Cmdlet(VerbsCommon.New, "XRocketWithdrawalLink", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Links))]
public sealed class NewXRocketWithdrawalLinkCommand : XRocketCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(NetworkCompleter))]
    public string Network { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    public string Address { get; set; } = "";

    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [Alias("Currency")]
    [ArgumentCompleter(typeof(AssetCompleter))]
    public string Asset { get; set; } = "";

    [Parameter(Mandatory = true, Position = 3, ValueFromPipelineByPropertyName = true)]
    [MoneyTransformation]
    public AmountArgument? Amount { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Comment { get; set; }

    protected override void ProcessRecord()
    {
        var target = this.BoundTarget();
        if (!this.TryRead(Amount, nameof(Amount), required: true, target, out var amount))
        {
            return;
        }

        var network = Network.Trim().ToUpperInvariant();
        var asset = Asset.Trim().ToUpperInvariant();
        if (!ShouldProcess($"{network} address {Address}", $"Create a withdrawal link for {XRocketMoney.Format(amount!.Value)} {asset}"))
        {
            return;
        }

        var request = new CreateWithdrawalLinkRequest { Network = network, Address = Address.Trim(), Asset = asset, Amount = amount.Value, Comment = Comment };
        Try(target, () => WriteObject(Call((client, ct) => client.CreateWithdrawalLinkAsync(request, ct))));
    }
}

/// <summary>The minimum, fee and precision of withdrawals of an asset over a network.</summary>
[Cmdlet(VerbsCommon.Get, "XRocketWithdrawalQuota")]
[OutputType(typeof(WithdrawalQuotas))]
public sealed class GetXRocketWithdrawalQuotaCommand : XRocketCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(NetworkCompleter))]
    public string Network { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("Currency")]
    [ArgumentCompleter(typeof(AssetCompleter))]
    public string Asset { get; set; } = "";

    protected override void ProcessRecord()
    {
        var network = Network.Trim().ToUpperInvariant();
        var asset = Asset.Trim().ToUpperInvariant();
        Try(this.BoundTarget(), () => WriteObject(Call((client, ct) => client.GetWithdrawalQuotasAsync(network, asset, ct))));
    }
}
