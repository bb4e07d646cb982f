using System.Diagnostics;

namespace XRocketPay.PowerShell.Commands.Withdrawals;

/// <summary>
/// Waits until withdrawals are COMPLETED or FAIL and returns each as it becomes final. Piped withdrawals
/// are waited for together (polled concurrently off the pipeline thread, every Write* on it), with progress;
/// one that ends FAIL is returned and also reported as a WithdrawalFailed error, so scripts notice.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "XRocketWithdrawal", DefaultParameterSetName = ParameterSets.ById)]
[OutputType(typeof(Withdrawal))]
public sealed class WaitXRocketWithdrawalCommand : WithdrawalReferenceCmdlet
{
    private const int ProgressId = 1;
    private readonly List<(XRocketRef Reference, string? Target)> _pending = new();
    private int _finalCount;

    [Parameter]
    [ValidateRange(1, 86_400)]
    public int TimeoutSec { get; set; } = 300;

    [Parameter]
    [ValidateRange(1, 3_600)]
    public int PollIntervalSec { get; set; } = 2;

    protected override void ProcessRecord()
    {
        // A blank id is this row's error, and the other piped withdrawals are still waited for.
        if (ReadReference() is { } reference)
        {
            _pending.Add((reference, ReferenceTarget));
        }
    }

    protected override void EndProcessing()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var client = ActiveConnection.Client;
        var waiting = _pending.ToArray();
        Progress(Record($"0 of {waiting.Length} final", 0, waiting.Length));
        try
        {
            Try(null, () => PipelineMessagePump.Pumped(this, HttpTrace.DetailFor(this), async () =>
            {
                var pump = PipelineMessagePump.Current!;
                await Task.WhenAll(waiting.Select(w => WaitOneAsync(client, w.Reference, w.Target, pump, () =>
                {
                    var done = Interlocked.Increment(ref _finalCount);
                    return (done, waiting.Length);
                }))).ConfigureAwait(false);
                return true;
            }));
        }
        finally
        {
            var completed = Record($"{_finalCount} of {waiting.Length} final", _finalCount, waiting.Length);
            completed.RecordType = ProgressRecordType.Completed;
            Progress(completed);
        }
    }

    private async Task WaitOneAsync(XRocketClient client, XRocketRef reference, string? target, PipelineMessagePump pump, Func<(int Done, int Of)> finished)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            while (true)
            {
                var withdrawal = await client.GetWithdrawalAsync(reference, StopToken).ConfigureAwait(false);
                if (withdrawal.IsFinal)
                {
                    var (done, of) = finished();
                    pump.Post(_ =>
                    {
                        Progress(Record($"{done} of {of} final; withdrawal {withdrawal.WithdrawalId} is {withdrawal.Status}", done, of));
                        WriteObject(withdrawal);
                        if (withdrawal.Status == WithdrawalStatus.Fail)
                        {
                            WriteError(new ErrorRecord(
                                new InvalidOperationException($"Withdrawal {withdrawal.WithdrawalId} of {XRocketMoney.Format(withdrawal.Amount)} {withdrawal.Asset} to {withdrawal.Network} address {withdrawal.Address} ended {WithdrawalStatus.Fail}: it was not paid out."),
                                InputErrorIds.WithdrawalFailed, ErrorCategory.InvalidResult, withdrawal));
                        }
                    });
                    return;
                }

                if (clock.Elapsed.TotalSeconds >= TimeoutSec)
                {
                    finished();
                    pump.Post(_ => WriteError(new ErrorRecord(new TimeoutException($"Withdrawal {withdrawal.WithdrawalId} is still {withdrawal.Status} after {TimeoutSec} s."),
                        InputErrorIds.WaitTimeout, ErrorCategory.OperationTimeout, withdrawal)));
                    return;
                }

                pump.Post(_ =>
                {
                    var done = Volatile.Read(ref _finalCount);
                    Progress(Record($"{done} of {_pending.Count} final; withdrawal {withdrawal.WithdrawalId} is {withdrawal.Status}", done, _pending.Count));
                    WriteVerbose($"Withdrawal {withdrawal.WithdrawalId} is {withdrawal.Status}; checking again in {PollIntervalSec} s.");
                });
                await Task.Delay(TimeSpan.FromSeconds(PollIntervalSec), StopToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is XRocketException or ArgumentException || (ex is OperationCanceledException && !StopToken.IsCancellationRequested))
        {
            finished();
            pump.Post(_ => WriteError(ErrorRecords.From(ex, target)));
        }
    }

    private static ProgressRecord Record(string status, int done, int of) =>
        new(ProgressId, "Waiting for withdrawals", status) { PercentComplete = of == 0 ? 100 : done * 100 / of };
}
