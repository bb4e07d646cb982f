namespace XRocketPay.PowerShell.Commands.Cheques;

/// <summary>Gets a cheque by id or client id, or lists cheques.</summary>
[Cmdlet(VerbsCommon.Get, "XRocketCheque", DefaultParameterSetName = ParameterSets.List, SupportsPaging = true)]
[OutputType(typeof(Cheque))]
public sealed class GetXRocketChequeCommand : ChequeReferenceCmdlet
{
    [Parameter(ParameterSetName = ParameterSets.List)]
    [ArgumentCompleter(typeof(StatusCompleter))]
    public string? Status { get; set; }

    [Parameter(ParameterSetName = ParameterSets.List)]
    [Alias("UserId", "user_id", "tg_user_id", "Target", "TelegramId", "telegram_user_id")]
    public string? TelegramUserId { get; set; }

    [Parameter(ParameterSetName = ParameterSets.List)]
    public DateTimeOffset? From { get; set; }

    [Parameter(ParameterSetName = ParameterSets.List)]
    public DateTimeOffset? To { get; set; }

    protected override void ProcessRecord()
    {
        if (CheckListFilter(Status, From, To))
        {
            WriteCheques();
        }
    }

    private void WriteCheques() => WriteOneOrList(
        (client, reference, ct) => client.GetChequeAsync(reference, ct),
        (client, cursor, ct) => client.ListChequesPageAsync(new ListFilter { State = Status, Target = TelegramUserId, FromDate = From, ToDate = To }, cursor, ct));
}
