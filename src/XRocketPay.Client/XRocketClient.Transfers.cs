using J = XRocketPay.Client.XRocketJsonContext;

namespace XRocketPay.Client;

/// <summary>
/// The transfer family. The models are written in the transfers spelling; the dialect's route table
/// (<see cref="Routes.TransferFamily"/>) gives the paths and renames the JSON keys on the wire.
/// </summary>
public sealed partial class XRocketClient
{
    public async Task<XRocketCreateResult<Transfer>> CreateTransferAsync(CreateTransferRequest request, CancellationToken cancellationToken = default)
    {
        request.ClientTransferId = ClientIds.Resolve(request.ClientTransferId);
        var family = await TransferFamilyAsync(cancellationToken).ConfigureAwait(false);
        var body = family.ToWire.Apply(JsonSerializer.Serialize(request, J.Default.CreateTransferRequest));
        try
        {
            return await CreateAsync(family.Many, body, request.ClientTransferId, J.Default.Transfer,
                ct => GetTransferAsync(XRocketRef.ByClientId(request.ClientTransferId), ct),
                existing => Differences(("target", existing.Target, request.Target), ("asset", existing.Asset, request.Asset), ("amount", Amount(existing.Amount), Amount(request.Amount))),
                cancellationToken, family.FromWire).ConfigureAwait(false);
        }
        catch (XRocketApiException ex) when (ex.Code == XRocketProblemCodes.RouteNotFound)
        {
            throw Outcomes.Settle(WrongDialect(ex, family), request.ClientTransferId);
        }
    }

    public async Task<Transfer> GetTransferAsync(XRocketRef reference, CancellationToken cancellationToken = default)
    {
        var family = await TransferFamilyAsync(cancellationToken).ConfigureAwait(false);
        return await InFamilyAsync(family, () => GetAsync(family.One, QueryString.ByRef(reference, family.IdQuery, family.ClientIdQuery), J.Default.Transfer, cancellationToken, family.FromWire)).ConfigureAwait(false);
    }

    public async Task<XRocketPage<Transfer>> ListTransfersPageAsync(ListFilter? filter = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        var family = await TransferFamilyAsync(cancellationToken).ConfigureAwait(false);
        return await InFamilyAsync(family, () => GetAsync(family.Many, QueryString.List(filter, cursor, withDates: true), J.Default.XRocketPageTransfer, cancellationToken, family.FromWire)).ConfigureAwait(false);
    }

    /// <summary>Every transfer, newest first, fetched page by page as the caller reads.</summary>
    public IEnumerable<Transfer> ListTransfers(ListFilter? filter = null, int? maxItems = null, CancellationToken cancellationToken = default) =>
        Paginate(cursor => ListTransfersPageAsync(filter, cursor, cancellationToken), maxItems, cancellationToken);

    /// <summary>
    /// Sends rows of one asset in one request, and reports every row (it throws only when cancelled). Each
    /// row gets a client id (made once when missing); rows the API refuses as already taken are looked up
    /// and compared, so a re-run reports them AlreadyDone; when the whole request fails, every row says so,
    /// Unknown when the request may have been committed.
    /// </summary>
    public async Task<IReadOnlyList<MassTransferRowResult>> CreateMassTransfersAsync(string asset, IReadOnlyList<MassTransferItem> rows, CancellationToken cancellationToken = default)
    {
        foreach (var row in rows)
        {
            row.ClientTransferId = ClientIds.Resolve(row.ClientTransferId);
        }

        Routes.TransferFamily family;
        MassTransfersResponse response;
        bool ambiguous;
        try
        {
            family = await TransferFamilyAsync(cancellationToken).ConfigureAwait(false);
            var body = family.ToWire.Apply(JsonSerializer.Serialize(new CreateMassTransfersRequest { Asset = asset, Transfers = rows.ToList() }, J.Default.CreateMassTransfersRequest));

            // Retries reuse the same row ids; a row "already taken" after an attempt that may have gone through is ours.
            string text;
            (text, ambiguous) = await InFamilyAsync(family, () => _http.SendWithOutcomeAsync(HttpMethod.Post, family.Mass, null, body, null, cancellationToken)).ConfigureAwait(false);
            response = _http.Deserialize(family.FromWire.Apply(text), "POST", family.Mass, J.Default.MassTransfersResponse);
        }
        catch (XRocketException ex)
        {
            return rows.Select((row, index) => Failed(index, row, XRocketRowException.Lost(row.ClientTransferId!, ex))).ToList();
        }

        var sentById = response.SuccessTransfers.Where(t => t.ClientTransferId is not null).GroupBy(t => t.ClientTransferId!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var refusedById = response.ErrorTransfers.Where(e => e.ClientTransferId is not null).GroupBy(e => e.ClientTransferId!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        // Rows already taken are looked up to be compared; the look-ups run side by side (bounded), since the
        // API lists transfers only by date window, so one GET per taken row is the only way to know.
        using var lookUps = new SemaphoreSlim(ReconcileConcurrency);
        var results = new Task<MassTransferRowResult>[rows.Count];
        for (var index = 0; index < rows.Count; index++)
        {
            var row = rows[index];
            if (sentById.TryGetValue(row.ClientTransferId!, out var sent))
            {
                results[index] = Task.FromResult(new MassTransferRowResult(index, row.ClientTransferId!, XRocketOutcome.Sent, sent, null));
                continue;
            }

            refusedById.TryGetValue(row.ClientTransferId!, out var error);
            var problem = error?.Reason ?? new XRocketProblem { Type = "/api/problems/missing_row_result", Title = "The API did not report this row." };
            results[index] = XRocketProblemCodes.Describe(problem.Code).Kind == XRocketProblemKind.Duplicate
                ? ReconcileRowAsync(index, asset, row, ambiguous, lookUps, cancellationToken)
                : Task.FromResult(Failed(index, row, XRocketRowException.Refused(row.ClientTransferId!, XRocketApiException.Redacted(problem, _http.Redactor)!, family.Mass)));
        }

        return await Task.WhenAll(results).ConfigureAwait(false);
    }

    /// <summary>How many look-ups of taken rows a mass re-run keeps in flight.</summary>
    private const int ReconcileConcurrency = 8;

    /// <summary>Runs a transfer-family call; a route the server lacks becomes the dialect error.</summary>
    private async Task<T> InFamilyAsync<T>(Routes.TransferFamily family, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (XRocketApiException ex) when (ex.Code == XRocketProblemCodes.RouteNotFound)
        {
            throw WrongDialect(ex, family);
        }
    }

    private async Task<MassTransferRowResult> ReconcileRowAsync(int index, string asset, MassTransferItem row, bool ownAttempt, SemaphoreSlim lookUps, CancellationToken cancellationToken)
    {
        await lookUps.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var existing = await GetTransferAsync(XRocketRef.ByClientId(row.ClientTransferId!), cancellationToken).ConfigureAwait(false);
            var differences = Differences(("target", existing.Target, row.Target), ("asset", existing.Asset, asset), ("amount", Amount(existing.Amount), Amount(row.Amount)));
            return differences.Count == 0
                ? new MassTransferRowResult(index, row.ClientTransferId!, Outcomes.OfTakenClientId(ownAttempt), existing, null)
                : new MassTransferRowResult(index, row.ClientTransferId!, XRocketOutcome.Failed, existing, new XRocketConflictException(row.ClientTransferId!, differences, existing));
        }
        catch (XRocketException ex)
        {
            return Failed(index, row, Outcomes.Settle(ex, row.ClientTransferId!, knownToExist: true));
        }
        finally
        {
            lookUps.Release();
        }
    }

    private static MassTransferRowResult Failed(int index, MassTransferItem row, XRocketException error)
    {
        Outcomes.Settle(error, row.ClientTransferId!);
        return new MassTransferRowResult(index, row.ClientTransferId!, error.Outcome, null, error);
    }
}
