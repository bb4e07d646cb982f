using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using XRocketPay.Client;
using XRocketPay.Client.Models;
using XRocketPay.PowerShell.Infrastructure;

namespace XRocketPay.PowerShell.Commands.Transfers;

/// <summary>Gets a transfer by id or client id, or lists transfers (newest first, streamed page by page).</summary>
[Cmdlet(VerbsCommon.Get, "XRocketTransfer", DefaultParameterSetName = ParameterSets.List, SupportsPaging = true)]
[OutputType(typeof(Transfer))]
public sealed class GetXRocketTransferCommand : GetOrListCmdlet<Transfer>
{
    [Parameter(ParameterSetName = ParameterSets.ById, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("TransferId")]
    public string? Id { get; set; }

    [Parameter(ParameterSetName = ParameterSets.ByClientId, Mandatory = true)]
    public string? ClientTransferId { get; set; }

    [Parameter(ParameterSetName = ParameterSets.List)]
    public DateTimeOffset? From { get; set; }

    [Parameter(ParameterSetName = ParameterSets.List)]
    public DateTimeOffset? To { get; set; }

    protected override string? ServerId => Id;

    protected override string? ClientId => ClientTransferId;

    protected override ListFilter Filter() => new() { FromDate = From, ToDate = To };

    protected override Task<Transfer> GetAsync(XRocketClient client, XRocketRef reference, CancellationToken cancellationToken) =>
        client.GetTransferAsync(reference, cancellationToken);

    protected override Task<XRocketPage<Transfer>> ListPageAsync(XRocketClient client, ListFilter filter, string? cursor, CancellationToken cancellationToken) =>
        client.ListTransfersPageAsync(filter, cursor, cancellationToken);
}
