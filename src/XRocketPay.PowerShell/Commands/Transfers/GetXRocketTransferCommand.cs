namespace XRocketPay.PowerShell.Commands.Transfers;

/// <summary>Gets a transfer by id or client id, or lists transfers (newest first, streamed page by page).</summary>
[Cmdlet(VerbsCommon.Get, "XRocketTransfer", DefaultParameterSetName = ParameterSets.List, SupportsPaging = true)]
[OutputType(typeof(Transfer))]
public sealed class GetXRocketTransferCommand : TransferReferenceCmdlet
{
    [Parameter(ParameterSetName = ParameterSets.List)]
    public DateTimeOffset? From { get; set; }

    [Parameter(ParameterSetName = ParameterSets.List)]
    public DateTimeOffset? To { get; set; }

    protected override void ProcessRecord()
    {
        if (!CheckListFilter(status: null, From, To))
        {
            return;
        }

        WriteOneOrList(
            (client, reference, ct) => client.GetTransferAsync(reference, ct),
            (client, cursor, ct) => client.ListTransfersPageAsync(new ListFilter { FromDate = From, ToDate = To }, cursor, ct));
    }
}
