namespace XRocketPay.Client;

/// <summary>
/// The payout engine: takes rows through admit (the journal: a row known paid costs no request), send (one
/// transfer per row, or mass chunks of one asset), settle (an answer lost is sent again with the same client
/// ids, which cannot pay twice: <see cref="XRocketClientOptions.SettleWithin"/>), verify (rows answered as
/// taken are compared with the transfer list, in groups) and record (the journal's outcome lines). Every
/// request of a run, reads included, goes through <see cref="CallAsync"/> and so under the run's throttle.
/// Outcomes are decided in <see cref="Outcomes"/>. Not thread-safe: one caller drives a run.
/// </summary>
/// <example>
/// <code>
/// using var journal = PayoutJournal.Open("payouts.journal", "nov", forWriting: true);
/// journal.Start("my-app");
/// var run = new XRocketPayoutRun(client, XRocketPayoutMode.Mass, journal);
/// var ids = new ClientIds(journal.BatchId);
/// var rows = lines.Select(l => new XRocketPayoutRow(l.User, "USDT", l.Amount, ids.ForRow(null, l.Reference, l.Description)));
/// var results = await run.RunAsync(rows);   // killed? run the same code again: paid rows are skipped
/// </code>
/// </example>
public sealed class XRocketPayoutRun
{
    private readonly List<(XRocketPayoutRow Row, MassTransferRowResult Sent)> _taken = new();
    private readonly TakenRows _verifier;

    public XRocketPayoutRun(XRocketClient client, XRocketPayoutMode mode, PayoutJournal? journal = null, XRocketThrottle? throttle = null, int chunkSize = XRocketPayoutLimits.MassTransferRows)
    {
        Queue = new XRocketPayoutQueue(mode, chunkSize);
        Client = client ?? throw new ArgumentNullException(nameof(client));
        Mode = mode;
        Journal = journal;
        Throttle = throttle;
        _verifier = new TakenRows(client);
    }

    public XRocketClient Client { get; }
    public XRocketPayoutMode Mode { get; }
    public PayoutJournal? Journal { get; }

    /// <summary>This run's client-side limit (null: the connection's, if any).</summary>
    public XRocketThrottle? Throttle { get; }

    /// <summary>Groups rows into requests for <see cref="RunAsync"/> (a caller driving the steps may keep its own).</summary>
    public XRocketPayoutQueue Queue { get; }

    /// <summary>Rows this run sent (their outcome Sent) so far.</summary>
    public int SentCount { get; private set; }

    /// <summary>Rows this run left Unknown so far.</summary>
    public int UnknownCount { get; private set; }

    /// <summary>Rows sent whose answer said the client id was taken, waiting to be verified (one-by-one runs verify them in groups).</summary>
    public int WaitingCount => _taken.Count;

    /// <summary>Runs one request of this run under its throttle: every request of the engine goes through here.</summary>
    public async Task<T> CallAsync<T>(Func<XRocketClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken = default)
    {
        using (XRocketThrottle.Use(Throttle ?? XRocketThrottle.Current))
        {
            return await call(Client, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Admit: the result when the journal knows the row as paid, the same payment or a conflict (no request is made), else null (send it): <see cref="Outcomes.Admit"/>.</summary>
    public XRocketPayoutResult? Admit(XRocketPayoutRow row) => Outcomes.Admit(row, Journal);

    /// <summary>
    /// Sends the rows of one request (from an <see cref="XRocketPayoutQueue"/>): intents journaled (flushed) first, the
    /// request settled when its answer is lost, taken rows verified (mass: now; one-by-one: in groups, so a
    /// result may come with a later row), outcomes journaled. Cancelled with a request in flight, its rows are
    /// journaled Unknown (it may have been committed) before the cancellation surfaces.
    /// </summary>
    public Task<IReadOnlyList<XRocketPayoutResult>> SendAsync(IReadOnlyList<XRocketPayoutRow> rows, CancellationToken cancellationToken = default) =>
        CallAsync(async (_, token) =>
        {
            if (rows.Count == 0 || (Mode == XRocketPayoutMode.OneByOne && rows.Count != 1))
            {
                throw new ArgumentException("Send the rows of one request: one row one-by-one, a chunk of one asset in a mass run.", nameof(rows));
            }

            if (!rows.All(r => ClientIds.IsRandom(r.ClientTransferId)))
            {
                // Before the first attempt of a row an earlier run may have paid: Sent counts only this run's payments.
                await _verifier.MarkAsync(token).ConfigureAwait(false);
            }

            Journal?.Intents(rows.Select(IntentOf));
            IReadOnlyList<MassTransferRowResult> sent;
            try
            {
                sent = Mode == XRocketPayoutMode.Mass ? await SendChunkAsync(rows, token).ConfigureAwait(false) : new[] { await SendOneAsync(rows[0], token).ConfigureAwait(false) };
            }
            catch (OperationCanceledException)
            {
                UnknownCount += rows.Count;
                Journal?.Outcomes(rows.Select(r => OutcomeLine(r, XRocketOutcome.Unknown, null, null)));
                throw;
            }

            var results = new List<XRocketPayoutResult>();
            foreach (var row in sent)
            {
                if (row.Unverified)
                {
                    _taken.Add((rows[row.Index], row));
                }
                else
                {
                    results.Add(Result(rows[row.Index], row));
                }
            }

            if (Mode == XRocketPayoutMode.Mass || _taken.Count >= XRocketPayoutLimits.TransferListPage)
            {
                results.AddRange(await VerifyTakenAsync(token).ConfigureAwait(false));
            }

            Record(results);
            return (IReadOnlyList<XRocketPayoutResult>)results;
        }, cancellationToken);

    /// <summary>Verifies the taken rows still waiting: call at the end of the input.</summary>
    public Task<IReadOnlyList<XRocketPayoutResult>> FinishAsync(CancellationToken cancellationToken = default) =>
        CallAsync(async (_, token) =>
        {
            var results = await VerifyTakenAsync(token).ConfigureAwait(false);
            Record(results);
            return results;
        }, cancellationToken);

    /// <summary>
    /// Every step for a C# caller: admits, sends and finishes <paramref name="rows"/>, and returns (and hands
    /// to <paramref name="onResult"/> as they come) one result per row. Re-run with the same journal (or the
    /// same client ids) after a kill: paid rows are skipped, rows in doubt are settled, nothing is paid twice.
    /// </summary>
    public async Task<IReadOnlyList<XRocketPayoutResult>> RunAsync(IEnumerable<XRocketPayoutRow> rows, Action<XRocketPayoutResult>? onResult = null, CancellationToken cancellationToken = default)
    {
        var all = new List<XRocketPayoutResult>();
        void Take(IEnumerable<XRocketPayoutResult> results)
        {
            foreach (var result in results)
            {
                all.Add(result);
                onResult?.Invoke(result);
            }
        }

        foreach (var row in rows)
        {
            if (Admit(row) is { } known)
            {
                Take(new[] { known });
            }
            else if (Queue.Add(row) is { } ready)
            {
                Take(await SendAsync(ready, cancellationToken).ConfigureAwait(false));
            }
        }

        foreach (var chunk in Queue.Remaining())
        {
            Take(await SendAsync(chunk, cancellationToken).ConfigureAwait(false));
        }

        Take(await FinishAsync(cancellationToken).ConfigureAwait(false));
        return all;
    }

    /// <summary>
    /// The preflight's question, asked cheaply (list pages, no request per row): which of these rows the
    /// transfer list already shows under their client id, paid the same (AlreadyDone) or otherwise (Failed, a
    /// conflict). Rows not shown are left out; they may still exist beyond the pages read.
    /// </summary>
    public Task<IReadOnlyList<XRocketPayoutResult>> FindPaidAsync(IReadOnlyList<XRocketPayoutRow> rows, CancellationToken cancellationToken = default) =>
        CallAsync(async (_, token) =>
        {
            var found = await _verifier.FindAsync(rows.Select(r => r.ClientTransferId), token).ConfigureAwait(false);
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
        var byTarget = _verifier.Recent.Where(t => t.Target is not null).ToLookup(t => t.Target!, StringComparer.Ordinal);
        return rows.Count(r => byTarget[r.TelegramUserId].Any(t =>
            !string.Equals(t.ClientTransferId, r.ClientTransferId, StringComparison.Ordinal)
            && (batchPrefix is null || t.ClientTransferId?.StartsWith(batchPrefix, StringComparison.Ordinal) != true)
            && Outcomes.Differences(t, r.TelegramUserId, r.Asset, r.Amount).Count == 0));
    }

    /// <summary>How many transfers this run has listed and keeps (the most recent first).</summary>
    public int TransfersListed => _verifier.Recent.Count;

    private async Task<MassTransferRowResult> SendOneAsync(XRocketPayoutRow row, CancellationToken cancellationToken)
    {
        var request = new CreateTransferRequest
        {
            Target = row.TelegramUserId, Asset = row.Asset, Amount = row.Amount, Description = row.Description, ClientTransferId = row.ClientTransferId,
            Callback = Callback.For(row.CallbackUrl, row.CallbackPayload),
        };
        try
        {
            var created = await Client.CreateTransferAsync(request, verifyTaken: false, cancellationToken).ConfigureAwait(false);
            return new MassTransferRowResult(0, row.ClientTransferId, created.Outcome, created.Value, null) { Unverified = created.Unverified };
        }
        catch (XRocketException ex)
        {
            return new MassTransferRowResult(0, row.ClientTransferId, ex.Outcome, (ex as XRocketConflictException)?.Existing as Transfer, ex);
        }
    }

    private Task<IReadOnlyList<MassTransferRowResult>> SendChunkAsync(IReadOnlyList<XRocketPayoutRow> rows, CancellationToken cancellationToken) =>
        Client.SendMassTransfersAsync(rows[0].Asset, rows.Select(r => new MassTransferItem
        {
            Target = r.TelegramUserId, Amount = r.Amount, ClientTransferId = r.ClientTransferId, Description = r.Description,
            Callback = Callback.For(r.CallbackUrl, r.CallbackPayload),
        }).ToList(), cancellationToken);

    private async Task<IReadOnlyList<XRocketPayoutResult>> VerifyTakenAsync(CancellationToken cancellationToken)
    {
        var waiting = _taken.ToList();
        _taken.Clear();
        var verified = await _verifier.VerifyAsync(
            waiting.Select((t, i) => (new MassTransferRowResult(i, t.Sent.ClientTransferId, t.Sent.Outcome, null, null), t.Row.TelegramUserId, t.Row.Asset, t.Row.Amount)).ToList(),
            cancellationToken).ConfigureAwait(false);
        return verified.Select(v => Result(waiting[v.Index].Row, v)).ToList();
    }

    private void Record(IReadOnlyList<XRocketPayoutResult> results)
    {
        SentCount += results.Count(r => r.Outcome == XRocketOutcome.Sent);
        UnknownCount += results.Count(r => r.Outcome == XRocketOutcome.Unknown);
        Journal?.Outcomes(results.Select(r => OutcomeLine(r.Row, r.Outcome, r.Transfer, r.Error)));
    }

    private static XRocketPayoutResult Result(XRocketPayoutRow row, MassTransferRowResult sent) => new(row, sent.Outcome, sent.Transfer, sent.Error);

    private static PayoutJournalLine IntentOf(XRocketPayoutRow row) => new()
    {
        ClientTransferId = row.ClientTransferId, TelegramUserId = row.TelegramUserId, Asset = row.Asset, Amount = row.Amount, Description = row.Description, CallbackUrl = row.CallbackUrl,
        CallbackPayload = row.CallbackPayload,
    };

    private static PayoutJournalLine OutcomeLine(XRocketPayoutRow row, XRocketOutcome outcome, Transfer? transfer, XRocketException? error) => new()
    {
        ClientTransferId = row.ClientTransferId, Outcome = outcome, TransferId = transfer?.TransferId, Error = error?.ProblemCode.ErrorId,
    };
}
