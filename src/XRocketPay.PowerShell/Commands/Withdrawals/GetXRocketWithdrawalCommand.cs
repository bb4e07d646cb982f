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
        // Statuses are extensible (EVIDENCE §5.23): a typo is a warning, and the request is still sent (issue 10 item 4).
        WarnIf(ParameterSetName == ParameterSets.List ? InputRules.StatusWarning(Status, nameof(Status), InputRules.WithdrawalStatuses, ignoreCase: true) : null);
        WriteWithdrawals();
    }

    private void WriteWithdrawals() => WriteOneOrList(
        (client, reference, ct) => client.GetWithdrawalAsync(reference, ct),
        (client, cursor, ct) => client.ListWithdrawalsPageAsync(new ListFilter { Status = Status?.ToUpperInvariant(), FromDate = From, ToDate = To }, cursor, ct));
}
