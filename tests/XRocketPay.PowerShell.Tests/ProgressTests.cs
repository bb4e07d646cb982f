using System.Management.Automation;
using XRocketPay.PowerShell.Tests.Hosting;

namespace XRocketPay.PowerShell.Tests;

/// <summary>Progress on long reads and waits: shown, then completed on success, error and Ctrl+C.</summary>
public sealed class ProgressTests : IClassFixture<SandboxFixture>, IDisposable
{
    private const string TonAddress = "0:ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12";
    private readonly SandboxFixture _sandbox;
    private readonly PowerShellSession _session;

    public ProgressTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
        _session = Connected.Session(sandbox);
    }

    public void Dispose() => _session.Dispose();

    private void CompletionDelay(int milliseconds) => _sandbox.SetConfig(new { withdrawalCompletionDelayMs = milliseconds });

    [Fact]
    public void A_listing_of_several_pages_shows_progress_and_completes_it_a_single_page_shows_none()
    {
        _session.Run("1..130 | ForEach-Object { [pscustomobject]@{ TelegramUserId = $_; Amount = '0.1'; Asset = 'TRX' } } | New-XRocketMassTransfer -Confirm:$false").AssertNoErrors();
        var all = _session.Run("Get-XRocketTransfer");
        all.AssertNoErrors();
        Assert.Equal(130, all.Output.Count);
        Assert.NotEmpty(all.Progress);
        Assert.Contains("page 2", all.Progress[0].StatusDescription, StringComparison.Ordinal);
        Assert.Equal(ProgressRecordType.Completed, all.Progress[^1].RecordType);
        Assert.All(all.Progress, p => Assert.Equal(all.Progress[0].ActivityId, p.ActivityId));

        var first = _session.Run("Get-XRocketTransfer -First 5");
        Assert.Equal(5, first.Output.Count);
        Assert.Empty(first.Progress);
    }

    [Fact]
    public void Waiting_shows_progress_and_completes_it_on_success_and_on_error()
    {
        CompletionDelay(1500);
        var done = _session.Run($@"
$w = 1..2 | ForEach-Object {{ Invoke-XRocketWithdrawal -Network TON -Address {TonAddress} -Asset TONCOIN -Amount 1 -Confirm:$false }}
$w | Wait-XRocketWithdrawal -PollIntervalSec 1 -TimeoutSec 30");
        done.AssertNoErrors();
        Assert.Equal(2, done.Output.Count);
        Assert.True(done.Progress.Count >= 3);
        Assert.Equal(ProgressRecordType.Completed, done.Progress[^1].RecordType);
        Assert.Contains("2 of 2", done.Progress[^1].StatusDescription, StringComparison.Ordinal);

        var missing = _session.Run("Wait-XRocketWithdrawal -Id 999999 -PollIntervalSec 1 -TimeoutSec 5");
        Assert.Single(missing.Errors);
        Assert.NotEmpty(missing.Progress);
        Assert.Equal(ProgressRecordType.Completed, missing.Progress[^1].RecordType);
    }

    [Fact]
    public void Ctrl_C_stops_a_wait_at_once_and_completes_its_progress()
    {
        CompletionDelay(60_000);
        _session.Run($"$w = Invoke-XRocketWithdrawal -Network TON -Address {TonAddress} -Asset TONCOIN -Amount 1 -Confirm:$false").AssertNoErrors();
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = _session.Runspace;
        ps.AddScript("$w | Wait-XRocketWithdrawal -PollIntervalSec 30 -TimeoutSec 600");
        var running = ps.BeginInvoke();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (ps.Streams.Progress.Count < 2 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50);
        }

        Assert.True(ps.Streams.Progress.Count >= 2, "the wait showed no progress");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        ps.Stop();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "Ctrl+C did not stop the wait");
        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));
        Assert.Equal(ProgressRecordType.Completed, ps.Streams.Progress[^1].RecordType);
    }
}
