namespace XRocketPay.Client;

/// <summary>
/// What a payout run (<see cref="XRocketPayoutRun"/>) asks whoever drives it, always on the thread that
/// called <see cref="XRocketPayoutRun.Add"/> or <see cref="XRocketPayoutRun.Complete"/>: a cmdlet answers on
/// its pipeline thread (ShouldProcess, progress, output), as PSResourceGet's helpers call back into their cmdlet.
/// </summary>
public interface IPayoutRunDriver
{
    /// <summary>Whether the rows of one request may be sent now (one-by-one: one row; mass: a chunk of one asset); false leaves them unsent.</summary>
    bool Confirm(IReadOnlyList<XRocketPayoutRow> rows);

    /// <summary>Runs one step of the run that makes requests and waits for it (a cmdlet: off its pipeline thread, Ctrl+C cancelling the token).</summary>
    T Run<T>(Func<CancellationToken, Task<T>> step);

    /// <summary>What became of one row, as soon as it is known.</summary>
    void Result(XRocketPayoutResult result);
}
