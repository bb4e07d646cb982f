using J = XRocketPay.Client.XRocketJsonContext;

namespace XRocketPay.Client;

public sealed partial class XRocketClient
{
    public Task<XRocketCreateResult<Transfer>> CreateTransferAsync(CreateTransferRequest request, CancellationToken cancellationToken = default)
    {
        request.ClientTransferId = ClientIds.Resolve(request.ClientTransferId);
        return CreateAsync(Routes.Transfers, JsonSerializer.Serialize(request, J.Default.CreateTransferRequest), request.ClientTransferId, J.Default.Transfer,
            ct => GetTransferAsync(XRocketRef.ByClientId(request.ClientTransferId), ct),
            existing => Differences(("target", existing.Target, request.Target), ("asset", existing.Asset, request.Asset), ("amount", Amount(existing.Amount), Amount(request.Amount))),
            cancellationToken);
    }

    public Task<Transfer> GetTransferAsync(XRocketRef reference, CancellationToken cancellationToken = default) =>
        GetAsync(Routes.Transfer, QueryString.ByRef(reference, Routes.Query.TransferId, Routes.Query.ClientTransferId), J.Default.Transfer, cancellationToken);

    public Task<XRocketPage<Transfer>> ListTransfersPageAsync(ListFilter? filter = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        GetAsync(Routes.Transfers, QueryString.List(filter, cursor, withDates: true), J.Default.XRocketPageTransfer, cancellationToken);

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

        var body = JsonSerializer.Serialize(new CreateMassTransfersRequest { Asset = asset, Transfers = rows.ToList() }, J.Default.CreateMassTransfersRequest);
        MassTransfersResponse response;
        bool ambiguous;
        try
        {
            // Retries reuse the same row ids; a row "already taken" after an attempt that may have gone through is ours.
            string text;
            (text, ambiguous) = await _http.SendWithOutcomeAsync(HttpMethod.Post, Routes.MassTransfers, null, body, null, cancellationToken).ConfigureAwait(false);
            response = _http.Deserialize(text, "POST", Routes.MassTransfers, J.Default.MassTransfersResponse);
        }
        catch (XRocketException ex)
        {
            return rows.Select((row, index) => Failed(index, row, XRocketRowException.Lost(row.ClientTransferId!, ex))).ToList();
        }

        var results = new List<MassTransferRowResult>(rows.Count);
        for (var index = 0; index < rows.Count; index++)
        {
            var row = rows[index];
            var sent = response.SuccessTransfers.FirstOrDefault(t => t.ClientTransferId == row.ClientTransferId);
            if (sent is not null)
            {
                results.Add(new MassTransferRowResult(index, row.ClientTransferId!, XRocketOutcome.Sent, sent, null));
                continue;
            }

            var error = response.ErrorTransfers.FirstOrDefault(e => e.ClientTransferId == row.ClientTransferId);
            var problem = error?.Reason ?? new XRocketProblem { Type = "/api/problems/missing_row_result", Title = "The API did not report this row." };
            results.Add(XRocketProblemCodes.Describe(problem.Code).Kind == XRocketProblemKind.Duplicate
                ? await ReconcileRowAsync(index, asset, row, ambiguous, cancellationToken).ConfigureAwait(false)
                : Failed(index, row, XRocketRowException.Refused(row.ClientTransferId!, XRocketApiException.Redacted(problem, _http.Redactor)!, Routes.MassTransfers)));
        }

        return results;
    }

    private async Task<MassTransferRowResult> ReconcileRowAsync(int index, string asset, MassTransferItem row, bool ownAttempt, CancellationToken cancellationToken)
    {
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
    }

    private static MassTransferRowResult Failed(int index, MassTransferItem row, XRocketException error)
    {
        Outcomes.Settle(error, row.ClientTransferId!);
        return new MassTransferRowResult(index, row.ClientTransferId!, error.Outcome, null, error);
    }
}
