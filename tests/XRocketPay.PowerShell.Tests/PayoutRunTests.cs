using System.Management.Automation;
using XRocketPay.PowerShell.Tests.Hosting;

namespace XRocketPay.PowerShell.Tests;

/// <summary>Progress of payout runs: rows done of the total, the amount per asset, a few records a second at most, always completed.</summary>
public sealed class PayoutRunTests : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly SandboxFixture _sandbox;
    private readonly PowerShellSession _session;

    public PayoutRunTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
        _session = Connected.Session(sandbox);
    }

    public void Dispose() => _session.Dispose();

    [Fact]
    public void Progress_shows_rows_and_amount_per_asset_at_a_few_records_a_second_and_is_completed()
    {
        _session.Host.Clear();
        var result = _session.Run("1..40 | ForEach-Object { [pscustomobject]@{ user_id = 500 + $_; amount = '0.5'; asset = 'TRX' } } | New-XRocketTransfer -Preflight -Confirm:$false");
        result.AssertNoErrors();
        var records = _session.Host.Progress;
        Assert.NotEmpty(records);
        Assert.True(records.Count < 40, $"{records.Count} progress records for 40 rows: progress must be throttled, not one per row");
        var last = records[^1];
        Assert.Equal(ProgressRecordType.Completed, last.RecordType);
        Assert.Contains("40 of 40 row(s)", last.StatusDescription);
        Assert.Contains("sent 20 TRX", last.StatusDescription);
        Assert.Contains("rows/s", last.StatusDescription);
    }

    [Fact]
    public void Throttle_waits_show_in_progress_not_as_errors()
    {
        _session.Host.Clear();
        // One request every 4 s: the second row waits however slow the machine is (at 2 a second, a busy
        // machine's own latency used up the interval and nothing waited).
        var result = _session.Run("1..2 | ForEach-Object { [pscustomobject]@{ user_id = 600 + $_; amount = '0.5'; asset = 'TRX' } } | New-XRocketTransfer -RequestsPerSecond 0.25 -Confirm:$false");
        result.AssertNoErrors();
        Assert.Equal(2, result.Output.Count);
        Assert.Contains(_session.Host.Progress, r => r.CurrentOperation?.Contains("for the request rate limit") == true);
    }

    [Fact]
    public void Progress_is_completed_when_rows_fail()
    {
        _session.Host.Clear();
        _session.Run("[pscustomobject]@{ user_id = 404404404; amount = '1'; asset = 'TRX' }, [pscustomobject]@{ user_id = 5; amount = '1'; asset = 'TRX' } | New-XRocketMassTransfer -Confirm:$false -ErrorAction SilentlyContinue");
        var records = _session.Host.Progress;
        Assert.NotEmpty(records);
        Assert.Equal(ProgressRecordType.Completed, records[^1].RecordType);
        Assert.Contains("2 of 2 row(s)", records[^1].StatusDescription);
    }
}
