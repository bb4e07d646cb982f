namespace XRocketPay.Client;

/// <summary>
/// Verifies rows whose client id the API answered as taken: is the transfer holding it the same payment?
/// Read from the transfer list, newest first, a page of <see cref="XRocketPayoutLimits.TransferListPage"/> at a
/// time and at most <see cref="XRocketPayoutLimits.TransferListPagesPerVerification"/> pages per call; what was
/// listed is remembered (up to <see cref="Remembered"/> transfers) and the listing goes on where it stopped, so a
/// re-run of a whole file costs a few pages, not a request per row. A row the list did not show is looked up by
/// client id. One per payout run (or per mass call).
/// </summary>
internal sealed class TakenRows
{
    /// <summary>Listed transfers kept for the next verification of the run.</summary>
    public const int Remembered = 10 * XRocketPayoutLimits.TransferListPage;

    /// <summary>How many look-ups by client id run side by side.</summary>
    private const int LookUpConcurrency = 8;

    private readonly XRocketClient _client;
    private readonly Dictionary<string, Transfer> _listed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _beforeThisRun = new(StringComparer.Ordinal);
    private readonly List<Transfer> _recent = new();
    private string? _cursor;
    private bool _listedToTheEnd, _marked, _belowMark;
    private string? _newestBeforeThisRun;

    public TakenRows(XRocketClient client) => _client = client;

    /// <summary>The transfers listed so far, newest first (at most <see cref="Remembered"/>), with or without a client id.</summary>
    public IReadOnlyList<Transfer> Recent => _recent;

    /// <summary>
    /// Called before the run's first attempt (then a no-op): notes the newest transfer, so that a transfer
    /// listed at or below it is known to have existed before this run (transfers carry no creation time; the
    /// list is newest first). One list request of one item, none when the preflight already listed.
    /// </summary>
    public async Task MarkAsync(CancellationToken cancellationToken)
    {
        if (_marked)
        {
            return;
        }

        if (_cursor is null && !_listedToTheEnd)
        {
            try
            {
                var page = await _client.ListTransfersPageAsync(new ListFilter { PageSize = 1 }, null, cancellationToken).ConfigureAwait(false);
                _newestBeforeThisRun = page.Items.FirstOrDefault()?.TransferId;
            }
            catch (XRocketException)
            {
                // A precaution, not a step of the payment: without the note, a taken row after a lost answer stays Sent.
            }
        }
        else
        {
            // What the preflight listed was listed before any attempt; the listing goes on further down.
            _belowMark = true;
        }

        _marked = true;
    }

    /// <summary>
    /// The verified result of each unverified row: Sent or AlreadyDone when the same payment holds the id,
    /// Failed with a conflict when another does, Unknown when it could not be read.
    /// </summary>
    public async Task<IReadOnlyList<MassTransferRowResult>> VerifyAsync(IReadOnlyList<(MassTransferRowResult Row, string Target, string Asset, decimal Amount)> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return Array.Empty<MassTransferRowResult>();
        }

        await ListAsync(rows.Select(r => r.Row.ClientTransferId), beforeFirstAttempt: false, cancellationToken).ConfigureAwait(false);
        using var lookUps = new SemaphoreSlim(LookUpConcurrency);
        return await Task.WhenAll(rows.Select(r => VerifyAsync(r.Row, r.Target, r.Asset, r.Amount, lookUps, cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>
    /// What the list shows of these client ids, without a look-up per row (the preflight's cheap question):
    /// the transfers found; ids not found may still exist further down the list.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, Transfer>> FindAsync(IEnumerable<string> clientIds, CancellationToken cancellationToken)
    {
        var ids = clientIds.ToList();
        await ListAsync(ids, beforeFirstAttempt: !_marked, cancellationToken).ConfigureAwait(false);
        var found = new Dictionary<string, Transfer>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (_listed.TryGetValue(id, out var transfer))
            {
                found[id] = transfer;
            }
        }

        return found;
    }

    private async Task ListAsync(IEnumerable<string> clientIds, bool beforeFirstAttempt, CancellationToken cancellationToken)
    {
        var missing = new HashSet<string>(clientIds.Where(id => !_listed.ContainsKey(id)), StringComparer.Ordinal);
        for (var pages = 0; missing.Count > 0 && !_listedToTheEnd && pages < XRocketPayoutLimits.TransferListPagesPerVerification; pages++)
        {
            var page = await _client.ListTransfersPageAsync(new ListFilter { PageSize = XRocketPayoutLimits.TransferListPage }, _cursor, cancellationToken).ConfigureAwait(false);
            foreach (var transfer in page.Items)
            {
                if (_recent.Count < Remembered)
                {
                    _recent.Add(transfer);
                }

                _belowMark |= beforeFirstAttempt || (_newestBeforeThisRun is not null && transfer.TransferId == _newestBeforeThisRun);
                if (transfer.ClientTransferId is { } id && (missing.Remove(id) || _listed.Count < Remembered))
                {
                    _listed[id] = transfer;
                    if (_belowMark)
                    {
                        _beforeThisRun.Add(id);
                    }
                }
            }

            _cursor = page.Next;
            _listedToTheEnd = string.IsNullOrEmpty(_cursor);
        }
    }

    private async Task<MassTransferRowResult> VerifyAsync(MassTransferRowResult row, string target, string asset, decimal amount, SemaphoreSlim lookUps, CancellationToken cancellationToken)
    {
        var ownAttempt = row.Outcome == XRocketOutcome.Sent;
        if (_listed.TryGetValue(row.ClientTransferId, out var listed))
        {
            return Outcomes.OfTakenRow(row.Index, row.ClientTransferId, target, asset, amount, ownAttempt, listed, _beforeThisRun.Contains(row.ClientTransferId));
        }

        await lookUps.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var existing = await _client.GetTransferAsync(XRocketRef.ByClientId(row.ClientTransferId), cancellationToken).ConfigureAwait(false);
            return Outcomes.OfTakenRow(row.Index, row.ClientTransferId, target, asset, amount, ownAttempt, existing);
        }
        catch (XRocketException ex)
        {
            // The API said the id is taken: a look-up that fails (or finds nothing) never makes it Failed.
            Outcomes.OfFailedCreate(ex, row.ClientTransferId, knownToExist: true);
            return new MassTransferRowResult(row.Index, row.ClientTransferId, ex.Outcome, null, ex);
        }
        finally
        {
            lookUps.Release();
        }
    }
}
