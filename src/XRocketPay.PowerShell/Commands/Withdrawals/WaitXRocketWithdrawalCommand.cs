using System.Diagnostics;

namespace XRocketPay.PowerShell.Commands.Withdrawals;

/// <summary>Waits until a withdrawal is COMPLETED or FAIL and returns it.</summary>
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

    protected override void ProcessRecord()
    {
        if (ReadReference() is not { } reference)
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        Try(ReferenceTarget, () =>
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
