namespace XRocketPay.Client;

/// <summary>
/// The payout engine, and the one driver of a run: rows handed to <see cref="Add"/> go through admit (the
/// journal: a row known paid costs no request), queue (one transfer per row, or mass chunks of one asset),
/// confirm (the driver's answer), send, settle (an answer lost is sent again with the same client ids, which
/// cannot pay twice: <see cref="XRocketClientOptions.SettleWithin"/>), verify (rows answered as taken are
/// compared with the transfer list, in groups) and record (the journal's outcome lines); <see cref="Complete"/>
/// sends what is still queued and verifies what still waits. The driver (<see cref="IPayoutRunDriver"/>)
/// answers the run's questions on its own thread. Every request of a run, reads included, goes through
/// <see cref="CallAsync"/> and so under the run's throttle. Outcomes are decided in <see cref="Outcomes"/>.
/// Not thread-safe: one caller drives a run.
/// </summary>
/// <example>
/// <code>
/// using var journal = PayoutJournal.Open(path, "nov", forWriting: true);
/// journal.Start("my-app");
/// var run = new XRocketPayoutRun(client, XRocketPayoutMode.Mass, journal);
/// var ids = new ClientIds(journal.BatchId);
/// var rows = lines.Select(l => new XRocketPayoutRow(l.User, "USDT", l.Amount, ids.ForRow(null, l.Reference, l.Description)));
/// var results = await run.RunAsync(rows);   // killed? run the same code again: paid rows are skipped
/// </code>
/// </example>
public sealed partial class XRocketPayoutRun
{
    private readonly List<(XRocketPayoutRow Row, MassTransferRowResult Sent)> _taken = new();
    private readonly Lazy<XRocketClient> _client;
    private readonly Lazy<TakenRows> _verifier;
    private readonly XRocketPayoutQueue _queue;

    public XRocketPayoutRun(XRocketClient client, XRocketPayoutMode mode, PayoutJournal? journal = null, XRocketThrottle? throttle = null, int chunkSize = XRocketPayoutLimits.MassTransferRows)
        : this(client is null ? throw new ArgumentNullException(nameof(client)) : () => client, mode, journal, throttle, chunkSize)
    {
    }

    /// <summary>A run whose client is asked for only when its first request is due, on the driver's thread (a run that sends nothing, such as -WhatIf, never connects).</summary>
    public XRocketPayoutRun(Func<XRocketClient> connect, XRocketPayoutMode mode, PayoutJournal? journal = null, XRocketThrottle? throttle = null, int chunkSize = XRocketPayoutLimits.MassTransferRows)
    {
        if (connect is null)
        {
            throw new ArgumentNullException(nameof(connect));
        }

        _queue = new XRocketPayoutQueue(mode, chunkSize);
        _client = new Lazy<XRocketClient>(connect);
        _verifier = new Lazy<TakenRows>(() => new TakenRows(_client.Value));
        Mode = mode;
        Journal = journal;
        Throttle = throttle;
    }

    public XRocketClient Client => _client.Value;
    public XRocketPayoutMode Mode { get; }
    public PayoutJournal? Journal { get; }

    /// <summary>This run's client-side limit (null: the connection's, if any).</summary>
    public XRocketThrottle? Throttle { get; }

    /// <summary>Rows this run sent (their outcome Sent) so far.</summary>
    public int SentCount { get; private set; }

    /// <summary>Rows this run left Unknown so far.</summary>
    public int UnknownCount { get; private set; }

    /// <summary>Whether this run has sent a request (or begun to): what a stopped run has to say.</summary>
    public bool HasSent => SentCount + UnknownCount > 0;

    /// <summary>Runs one request of this run under its throttle: every request of the engine goes through here.</summary>
    public async Task<T> CallAsync<T>(Func<XRocketClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken = default)
    {
        var client = Client;
        using (XRocketThrottle.Use(Throttle ?? XRocketThrottle.Current))
        {
            return await call(client, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Takes one row: a row the journal knows as paid (the same payment, or a conflict) is answered at once
    /// with no request; else it is queued, and a request that is ready (one-by-one: this row; mass: a full
    /// chunk) is confirmed by <paramref name="driver"/> and sent. Results reach the driver as they come (a
    /// one-by-one row answered as taken comes with a later row, verified in a group).
    /// </summary>
    public void Add(XRocketPayoutRow row, IPayoutRunDriver driver)
    {
        if (Outcomes.Admit(row, Journal) is { } known)
        {
            driver.Result(known);
        }
        else if (_queue.Add(row) is { } ready)
        {
            Send(ready, driver);
        }
    }

    /// <summary>The end of the input: sends the chunks still queued and verifies the rows still waiting.</summary>
    public void Complete(IPayoutRunDriver driver)
    {
        foreach (var chunk in _queue.Remaining())
        {
            Send(chunk, driver);
        }

        if (_taken.Count > 0)
        {
            Report(driver, driver.Run(token => CallAsync(async (_, t) =>
            {
                var results = await VerifyTakenAsync(t).ConfigureAwait(false);
                Record(results);
                return results;
            }, token)));
        }
    }

    /// <summary>
    /// Every step for a C# caller, with no questions asked: drives <paramref name="rows"/> through
    /// <see cref="Add"/> and <see cref="Complete"/>, and returns (and hands to <paramref name="onResult"/> as they
    /// come) one result per row. Re-run with the same journal (or the same client ids) after a kill: paid rows
    /// are skipped, rows in doubt are settled, nothing is paid twice.
    /// </summary>
    public Task<IReadOnlyList<XRocketPayoutResult>> RunAsync(IEnumerable<XRocketPayoutRow> rows, Action<XRocketPayoutResult>? onResult = null, CancellationToken cancellationToken = default) =>
        Task.Run(() =>
        {
            var driver = new UnattendedDriver(onResult, cancellationToken);
            foreach (var row in rows)
            {
                Add(row, driver);
            }

            Complete(driver);
            return (IReadOnlyList<XRocketPayoutResult>)driver.Results;
        }, cancellationToken);

    /// <summary>Confirms, then sends the rows of one request, on the driver's thread; the request itself runs where the driver runs it.</summary>
    private void Send(IReadOnlyList<XRocketPayoutRow> rows, IPayoutRunDriver driver)
    {
        if (driver.Confirm(rows))
        {
            _ = Client; // resolved here, on the driver's thread: a cmdlet can read its session's connection only there
            Report(driver, driver.Run(token => SendAsync(rows, token)));
        }
    }

    private static void Report(IPayoutRunDriver driver, IReadOnlyList<XRocketPayoutResult> results)
    {
        foreach (var result in results)
        {
            driver.Result(result);
        }
    }

    /// <summary>
    /// Sends the rows of one request: intents journaled (flushed) first, the request settled when its answer
    /// is lost, taken rows verified (mass: now; one-by-one: in groups), outcomes journaled. Cancelled with a
    /// request in flight, its rows are journaled Unknown (it may have been committed) before the cancellation surfaces.
    /// </summary>
    private Task<IReadOnlyList<XRocketPayoutResult>> SendAsync(IReadOnlyList<XRocketPayoutRow> rows, CancellationToken cancellationToken) =>
        CallAsync(async (_, token) =>
        {
            if (!rows.All(r => ClientIds.IsRandom(r.ClientTransferId)))
            {
                // Before the first attempt of a row an earlier run may have paid: Sent counts only this run's payments.
                await _verifier.Value.MarkAsync(token).ConfigureAwait(false);
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
        var verified = await _verifier.Value.VerifyAsync(
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

    /// <summary>The driver of <see cref="RunAsync"/>: confirms every request, runs each step where it is, collects the results.</summary>
    private sealed class UnattendedDriver : IPayoutRunDriver
    {
        private readonly Action<XRocketPayoutResult>? _onResult;
        private readonly CancellationToken _cancellationToken;

        public UnattendedDriver(Action<XRocketPayoutResult>? onResult, CancellationToken cancellationToken)
        {
            _onResult = onResult;
            _cancellationToken = cancellationToken;
        }

        public List<XRocketPayoutResult> Results { get; } = new();

        public bool Confirm(IReadOnlyList<XRocketPayoutRow> rows) => true;

        public T Run<T>(Func<CancellationToken, Task<T>> step) => step(_cancellationToken).GetAwaiter().GetResult();

        public void Result(XRocketPayoutResult result)
        {
            Results.Add(result);
            _onResult?.Invoke(result);
        }
    }
}
