using System;
using System.Management.Automation;
using XRocketPay.Client.Models;
using XRocketPay.PowerShell.Infrastructure;

namespace XRocketPay.PowerShell.Commands.Transfers;

/// <summary>Gets a transfer by id or client id, or lists transfers (newest first, streamed page by page).</summary>
[Cmdlet(VerbsCommon.Get, "XRocketTransfer", DefaultParameterSetName = ParameterSets.List, SupportsPaging = true)]
[OutputType(typeof(Transfer))]
public sealed class GetXRocketTransferCommand : XRocketCmdlet
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

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ParameterSets.List)
        {
            var filter = new ListFilter { FromDate = From, ToDate = To };
            Try(null, () => WriteList((client, cursor, ct) => client.ListTransfersPageAsync(filter, cursor, ct)));
            return;
        }

        var reference = ParameterSets.Reference(Id, ClientTransferId);
        Try(Id ?? ClientTransferId, () => WriteObject(Call((client, ct) => client.GetTransferAsync(reference, ct))));
    }
}
