using J = XRocketPay.Client.XRocketJsonContext;

namespace XRocketPay.Client;

/// <summary>
/// The transfer family. The models are written in the transfers spelling; the dialect's route table
/// (<see cref="Routes.TransferFamily"/>) gives the paths and renames the JSON keys on the wire.
/// </summary>
public sealed partial class XRocketClient
{
    public Task<XRocketCreateResult<Transfer>> CreateTransferAsync(CreateTransferRequest request, CancellationToken cancellationToken = default) =>
        CreateTransferAsync(request, verifyTaken: true, cancellationToken);

    /// <summary>
    /// As <see cref="CreateTransferAsync(CreateTransferRequest, CancellationToken)"/>; with <paramref name="verifyTaken"/>
    /// false a taken client id comes back <see cref="XRocketCreateResult{T}.Unverified"/>, for the payout engine to verify in a group.
    /// </summary>
    internal async Task<XRocketCreateResult<Transfer>> CreateTransferAsync(CreateTransferRequest request, bool verifyTaken, CancellationToken cancellationToken)
    {
        request.ClientTransferId = ClientIds.Resolve(request.ClientTransferId);
        var clientId = request.ClientTransferId;
        var family = await TransferFamilyAsync(cancellationToken).ConfigureAwait(false);
        var body = family.ToWire.Apply(JsonSerializer.Serialize(request, J.Default.CreateTransferRequest));
        try
        {
            return await CreateAsync(family.Many, body, clientId, J.Default.Transfer,
                verifyTaken ? ct => GetTransferAsync(XRocketRef.ByClientId(clientId), ct) : null,
                existing => Outcomes.Differences(existing, request.Target, request.Asset, request.Amount),
                cancellationToken, family.FromWire,
                (existing, differing) => Outcomes.Conflict(clientId, differing, existing, request.Target, request.Asset, request.Amount)).ConfigureAwait(false);
        }
        catch (XRocketApiException ex) when (ex.Code == XRocketProblemCodes.RouteNotFound)
        {
            throw Outcomes.OfFailedCreate(WrongDialect(ex, family), clientId);
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
    /// Sends rows of one asset in one request (at most <see cref="XRocketPayoutLimits.MassTransferRows"/>), and
    /// reports every row (it throws only when cancelled). Each row gets a client id (made once when missing);
    /// rows the API refuses as already taken are verified against the transfer list (a look-up by client id
    /// for those the list does not show), so a re-run reports them AlreadyDone; a request whose answer was lost
    /// is settled by sending it again; when it cannot be, every row is Unknown.
    /// </summary>
    public async Task<IReadOnlyList<MassTransferRowResult>> CreateMassTransfersAsync(string asset, IReadOnlyList<MassTransferItem> rows, CancellationToken cancellationToken = default)
    {
        var sent = await SendMassTransfersAsync(asset, rows, cancellationToken).ConfigureAwait(false);
        var verified = await new TakenRows(this).VerifyAsync(
            sent.Where(r => r.Unverified).Select(r => (r, rows[r.Index].Target, asset, rows[r.Index].Amount)).ToList(), cancellationToken).ConfigureAwait(false);
        var results = sent.ToArray();
        foreach (var row in verified)
        {
            results[row.Index] = row;
        }

        return results;
    }

    /// <summary>The mass request, settled when its answer is lost; taken rows come back <see cref="MassTransferRowResult.Unverified"/>.</summary>
    internal async Task<IReadOnlyList<MassTransferRowResult>> SendMassTransfersAsync(string asset, IReadOnlyList<MassTransferItem> rows, CancellationToken cancellationToken)
    {
        if (rows.Count > XRocketPayoutLimits.MassTransferRows)
        {
            throw new ArgumentException($"A mass transfer holds at most {XRocketPayoutLimits.MassTransferRows} rows; got {rows.Count}.", nameof(rows));
        }

        foreach (var row in rows)
        {
            row.ClientTransferId = ClientIds.Resolve(row.ClientTransferId);
        }

        Routes.TransferFamily family;
        MassTransfersResponse response;
        bool answerLost;
        try
        {
            family = await TransferFamilyAsync(cancellationToken).ConfigureAwait(false);
            var body = family.ToWire.Apply(JsonSerializer.Serialize(new CreateMassTransfersRequest { Asset = asset, Transfers = rows.ToList() }, J.Default.CreateMassTransfersRequest));
            (response, answerLost) = await _settling.SendAsync(family.Mass, async (earlierPassLost, ct) =>
            {
                // Retries and settling passes reuse the same row ids; a row "already taken" after a lost answer is ours.
                var (text, earlierAttemptLost) = await InFamilyAsync(family, () => _http.SendWithOutcomeAsync(HttpMethod.Post, family.Mass, null, body, null, ct)).ConfigureAwait(false);
                return (_http.Deserialize(family.FromWire.Apply(text), "POST", family.Mass, J.Default.MassTransfersResponse), earlierPassLost || earlierAttemptLost);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (XRocketException ex)
        {
            return AllLost(rows, ex);
        }

        var sentById = response.SuccessTransfers.Where(t => t.ClientTransferId is not null).GroupBy(t => t.ClientTransferId!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var refusedById = response.ErrorTransfers.Where(e => e.ClientTransferId is not null).GroupBy(e => e.ClientTransferId!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var results = new MassTransferRowResult[rows.Count];
        for (var index = 0; index < rows.Count; index++)
        {
            var id = rows[index].ClientTransferId!;
            if (sentById.TryGetValue(id, out var sent))
            {
                results[index] = new MassTransferRowResult(index, id, XRocketOutcome.Sent, sent, null);
                continue;
            }

            refusedById.TryGetValue(id, out var error);
            var problem = error?.Reason ?? new XRocketProblem { Type = "/api/problems/missing_row_result", Title = "The API did not report this row." };
            if (XRocketProblemCodes.Describe(problem.Code).Kind == XRocketProblemKind.Duplicate)
            {
                results[index] = new MassTransferRowResult(index, id, Outcomes.OfTakenClientId(answerLost), null, null) { Unverified = true };
                continue;
            }

            var refused = XRocketRowException.Refused(id, XRocketApiException.Redacted(problem, _http.Redactor)!, family.Mass);
            refused.MayHaveSucceeded = answerLost;
            results[index] = Failed(index, rows[index], refused);
        }

        return results;
    }

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

    private static List<MassTransferRowResult> AllLost(IReadOnlyList<MassTransferItem> rows, XRocketException request) =>
        rows.Select((row, index) => Failed(index, row, XRocketRowException.Lost(row.ClientTransferId!, request))).ToList();

    private static MassTransferRowResult Failed(int index, MassTransferItem row, XRocketException error)
    {
        Outcomes.OfFailedCreate(error, row.ClientTransferId!);
        return new MassTransferRowResult(index, row.ClientTransferId!, error.Outcome, null, error);
    }
}
