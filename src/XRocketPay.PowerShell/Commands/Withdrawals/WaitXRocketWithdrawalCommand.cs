namespace XRocketPay.PowerShell.Commands.Withdrawals;

/// <summary>
/// Waits until withdrawals are COMPLETED or FAIL and returns each as it becomes final. Piped withdrawals
/// are waited for together (<see cref="ReferenceCmdlet.WaitForAll{T}"/>); one that ends FAIL is returned
/// and also reported as a WithdrawalFailed error, so scripts notice.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "XRocketWithdrawal", DefaultParameterSetName = ParameterSets.ById)]
[OutputType(typeof(Withdrawal))]
public sealed class WaitXRocketWithdrawalCommand : WithdrawalReferenceCmdlet
{
    [Parameter]
    [ValidateRange(1, 86_400)]
    public int TimeoutSec { get; set; } = 300;

    [Parameter]
    [ValidateRange(1, 3_600)]
    public int PollIntervalSec { get; set; } = 2;

    protected override void ProcessRecord() => AddToWait();

    protected override void EndProcessing() =>
        WaitForAll(new FinalStateWait<Withdrawal>("Withdrawal", (client, reference, ct) => client.GetWithdrawalAsync(reference, ct), w => w.WithdrawalId, w => w.Status)
        {
            IsDone = (_, withdrawal, _) => Task.FromResult(withdrawal.IsFinal),
            EndError = withdrawal => withdrawal.Status != WithdrawalStatus.Fail ? null : new ErrorRecord(
                new InvalidOperationException($"Withdrawal {withdrawal.WithdrawalId} of {XRocketMoney.Format(withdrawal.Amount)} {withdrawal.Asset} to {withdrawal.Network} address {withdrawal.Address} ended {WithdrawalStatus.Fail}: it was not paid out."),
                ModuleErrorIds.WithdrawalFailed, ErrorCategory.InvalidResult, withdrawal),
        }, TimeoutSec, PollIntervalSec);
}
