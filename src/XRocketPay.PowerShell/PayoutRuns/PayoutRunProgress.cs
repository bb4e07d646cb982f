using System.Diagnostics;
using System.Globalization;

namespace XRocketPay.PowerShell.PayoutRuns;

/// <summary>
/// Progress of a payout run: rows done of the total (known after a preflight), the amount sent per asset,
/// the rate, and throttle waits; written at most four times a second, completed at the end (also after an
/// error or a stop, as far as the host still takes records).
/// </summary>
internal sealed class PayoutRunProgress
{
    private const int ActivityId = 0x5852;
    private static readonly TimeSpan s_interval = TimeSpan.FromMilliseconds(250);

    private readonly Cmdlet _cmdlet;
    private readonly string _activity;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly SortedDictionary<string, decimal> _sent = new(StringComparer.Ordinal);
    private TimeSpan _lastWrite = -s_interval;
    private bool _written;
    private bool _stopping;
    private int _done;
    private string? _waiting;

    public PayoutRunProgress(Cmdlet cmdlet, string activity)
    {
        _cmdlet = cmdlet;
        _activity = activity;
    }

    /// <summary>Rows in the run, or -1 while unknown (no preflight).</summary>
    public int Total { get; set; } = -1;

    /// <summary>The connection's or a run's throttle is about to wait: shown in progress, never as an error.</summary>
    public static void ReportThrottle(TimeSpan wait) =>
        PipelineMessagePump.Current?.Post(cmdlet =>
        {
            if (cmdlet is PayoutRunCmdlet run)
            {
                run.RunProgress.Throttled(wait);
            }
        });

    public void Done(XRocketPayoutRow row, XRocketOutcome outcome)
    {
        _done++;
        if (outcome == XRocketOutcome.Sent)
        {
            _sent.TryGetValue(row.Asset, out var sum);
            _sent[row.Asset] = sum + row.Amount;
        }

        _waiting = null;
        Write(force: false);
    }

    public void Throttled(TimeSpan wait)
    {
        _waiting = string.Format(CultureInfo.InvariantCulture, "waiting {0:0.0} s for the request rate limit", wait.TotalSeconds);

        // A wait long enough to notice is always shown (such waits come at most four times a second).
        Write(force: wait >= s_interval);
    }

    public void Stopping() => _stopping = true;

    public void Complete()
    {
        if (!_written || _stopping)
        {
            return;
        }

        try
        {
            _cmdlet.WriteProgress(new ProgressRecord(ActivityId, _activity, Status()) { RecordType = ProgressRecordType.Completed });
        }
        catch (Exception ex) when (ex is PipelineStoppedException or InvalidOperationException)
        {
            // The pipeline is gone; the host drops the bar with it.
        }
    }

    private void Write(bool force)
    {
        var now = _clock.Elapsed;
        if (_stopping || (!force && now - _lastWrite < s_interval))
        {
            return;
        }

        _lastWrite = now;
        _written = true;
        var record = new ProgressRecord(ActivityId, _activity, Status())
        {
            PercentComplete = Total > 0 ? Math.Min(100, (int)(_done * 100L / Total)) : -1,
            CurrentOperation = _waiting,
        };
        _cmdlet.WriteProgress(record);
    }

    private string Status()
    {
        var seconds = Math.Max(0.001, _clock.Elapsed.TotalSeconds);
        var sent = _sent.Count == 0 ? "nothing sent yet" : "sent " + string.Join(", ", _sent.Select(p => XRocketMoney.Format(p.Value) + " " + p.Key));
        return string.Format(CultureInfo.InvariantCulture, "{0} of {1} row(s); {2}; {3:0.0} rows/s",
            _done, Total >= 0 ? Total.ToString(CultureInfo.InvariantCulture) : "?", sent, _done / seconds);
    }
}
