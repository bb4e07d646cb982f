using System;
using System.Diagnostics;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using XRocketPay.Client;
using XRocketPay.Client.Models;
using XRocketPay.PowerShell.Infrastructure;

namespace XRocketPay.PowerShell.Commands.Withdrawals;

/// <summary>Withdraws to a blockchain address. Irreversible: ConfirmImpact High.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "XRocketWithdrawal", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(Withdrawal))]
public sealed class InvokeXRocketWithdrawalCommand : WithdrawalDestinationCmdlet
{
    /// <summary>Your id (at most 50 characters): a re-run with the same id never withdraws twice.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateLength(1, 50)]
    public string? ClientWithdrawalId { get; set; }

    [Parameter]
    public string? CallbackUrl { get; set; }

    protected override void ProcessRecord()
    {
        var target = this.BoundTarget();
        if (ReadDestination(target) is not var (network, address, asset, amount))
        {
            return;
        }

        var clientId = string.IsNullOrWhiteSpace(ClientWithdrawalId) ? "xrp-" + Guid.NewGuid().ToString("N") : ClientWithdrawalId!.Trim();
        target.Properties.Add(new PSNoteProperty("ResolvedClientWithdrawalId", clientId));
        if (!ShouldProcess($"{network} address {address}", $"Withdraw {XRocketMoney.Format(amount)} {asset} (client id {clientId})"))
        {
            return;
        }

        var request = new CreateWithdrawalRequest
        {
            ClientWithdrawalId = clientId,
            Network = network,
            Address = address,
            Asset = asset,
            Amount = amount,
            Comment = Comment,
            Callback = CallbackUrl is null ? null : new Callback { CallbackUrl = CallbackUrl },
        };
        Try(target, () =>
        {
            var created = Call((client, ct) => client.CreateWithdrawalAsync(request, ct));
            if (created.Outcome == XRocketOutcome.AlreadyDone)
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
public sealed class GetXRocketWithdrawalCommand : GetOrListCmdlet<Withdrawal>
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

    protected override string? ServerId => Id;

    protected override string? ClientId => ClientWithdrawalId;

    protected override ListFilter Filter() => new() { Status = Status?.ToUpperInvariant(), FromDate = From, ToDate = To };

    protected override Task<Withdrawal> GetAsync(XRocketClient client, XRocketRef reference, CancellationToken cancellationToken) =>
        client.GetWithdrawalAsync(reference, cancellationToken);

    protected override Task<XRocketPage<Withdrawal>> ListPageAsync(XRocketClient client, ListFilter filter, string? cursor, CancellationToken cancellationToken) =>
        client.ListWithdrawalsPageAsync(filter, cursor, cancellationToken);
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
public sealed class NewXRocketWithdrawalLinkCommand : WithdrawalDestinationCmdlet
{
    protected override void ProcessRecord()
    {
        var target = this.BoundTarget();
        if (ReadDestination(target) is not var (network, address, asset, amount))
        {
            return;
        }

        if (!ShouldProcess($"{network} address {address}", $"Create a withdrawal link for {XRocketMoney.Format(amount)} {asset}"))
        {
            return;
        }

        var request = new CreateWithdrawalLinkRequest { Network = network, Address = address, Asset = asset, Amount = amount, Comment = Comment };
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
