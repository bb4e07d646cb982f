namespace XRocketPay.PowerShell.Commands.Withdrawals;

/// <summary>Gets a withdrawal by id or client id, or lists withdrawals.</summary>
[Cmdlet(VerbsCommon.Get, "XRocketWithdrawal", DefaultParameterSetName = ParameterSets.List, SupportsPaging = true)]
[OutputType(typeof(Withdrawal))]
public sealed class GetXRocketWithdrawalCommand : WithdrawalReferenceCmdlet
{
    [Parameter(ParameterSetName = ParameterSets.List)]
    [ArgumentCompleter(typeof(StatusCompleter))]
    public string? Status { get; set; }

    [Parameter(ParameterSetName = ParameterSets.List)]
    public DateTimeOffset? From { get; set; }

    [Parameter(ParameterSetName = ParameterSets.List)]
    public DateTimeOffset? To { get; set; }

    protected override void ProcessRecord()
    {
        // Checked as sent: upper-cased, so `-Status fail` is no typo.
        if (CheckListFilter(Status?.ToUpperInvariant(), From, To))
        {
            WriteWithdrawals();
        }
    }

    private void WriteWithdrawals() => WriteOneOrList(
        (client, reference, ct) => client.GetWithdrawalAsync(reference, ct),
        (client, cursor, ct) => client.ListWithdrawalsPageAsync(new ListFilter { Status = Status?.ToUpperInvariant(), FromDate = From, ToDate = To }, cursor, ct));
}
