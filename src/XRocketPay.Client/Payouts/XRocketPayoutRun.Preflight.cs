namespace XRocketPay.Client;

/// <summary>The questions a preflight asks of the run before anything is sent, under the run's throttle.</summary>
public sealed partial class XRocketPayoutRun
{
    /// <summary>
    /// The preflight's question, asked cheaply (list pages, no request per row): which of these rows the
    /// transfer list already shows under their client id, paid the same (AlreadyDone) or otherwise (Failed, a
    /// conflict). Rows not shown are left out; they may still exist beyond the pages read.
    /// </summary>
    public Task<IReadOnlyList<XRocketPayoutResult>> FindPaidAsync(IReadOnlyList<XRocketPayoutRow> rows, CancellationToken cancellationToken = default) =>
        CallAsync(async (_, token) =>
        {
            var found = await _verifier.Value.FindAsync(rows.Select(r => r.ClientTransferId), token).ConfigureAwait(false);
            return (IReadOnlyList<XRocketPayoutResult>)rows.Where(r => found.ContainsKey(r.ClientTransferId))
                .Select(r => Result(r, Outcomes.OfTakenRow(0, r.ClientTransferId, r.TelegramUserId, r.Asset, r.Amount, ownAttempt: false, found[r.ClientTransferId])))
                .ToList();
        }, cancellationToken);

    /// <summary>
    /// Of <paramref name="rows"/>, those the transfers this run has listed (newest first, at most
    /// <see cref="TransfersListed"/>) show as the same payment (<see cref="Outcomes.Differences"/>) under a
    /// client id not of this batch (<paramref name="batchPrefix"/>; none: another client id than the row's).
    /// Information only: repeats are legitimate (a monthly payroll); the API gives transfers no date.
    /// </summary>
    public int CountPaidUnderAnotherBatch(IEnumerable<XRocketPayoutRow> rows, string? batchPrefix)
    {
        var byTarget = _verifier.Value.Recent.Where(t => t.Target is not null).ToLookup(t => t.Target!, StringComparer.Ordinal);
        return rows.Count(r => byTarget[r.TelegramUserId].Any(t =>
            !string.Equals(t.ClientTransferId, r.ClientTransferId, StringComparison.Ordinal)
            && (batchPrefix is null || t.ClientTransferId?.StartsWith(batchPrefix, StringComparison.Ordinal) != true)
            && Outcomes.Differences(t, r.TelegramUserId, r.Asset, r.Amount).Count == 0));
    }

    /// <summary>How many transfers this run has listed and keeps (the most recent first).</summary>
    public int TransfersListed => _verifier.Value.Recent.Count;
}
