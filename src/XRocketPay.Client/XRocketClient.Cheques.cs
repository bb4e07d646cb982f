using J = XRocketPay.Client.XRocketJsonContext;

namespace XRocketPay.Client;

public sealed partial class XRocketClient
{
    public async Task<XRocketCreateResult<Cheque>> CreateChequeAsync(CreateChequeRequest request, CancellationToken cancellationToken = default)
    {
        request.ClientChequeId = ClientIds.Resolve(request.ClientChequeId);
        var created = await CreateAsync(Routes.Cheques, JsonSerializer.Serialize(request, J.Default.CreateChequeRequest), request.ClientChequeId, J.Default.Cheque,
            ct => GetChequeAsync(XRocketRef.ByClientId(request.ClientChequeId), ct),
            existing => SameObject.Differences(SameObject.Code("asset", existing.Asset, request.Asset), SameObject.Amount("amount", existing.Amount, request.Amount)),
            cancellationToken).ConfigureAwait(false);

        // No public source shows a cheque's amount or an echoed client id (docs/api/README.md): what we sent fills them.
        created.Value.Amount ??= request.Amount;
        created.Value.ClientChequeId ??= request.ClientChequeId;
        return created;
    }

    public Task<Cheque> GetChequeAsync(XRocketRef reference, CancellationToken cancellationToken = default) =>
        GetAsync(Routes.Cheque, ChequeRef(reference), J.Default.Cheque, cancellationToken);

    public Task<XRocketPage<Cheque>> ListChequesPageAsync(ListFilter? filter = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        var query = QueryString.List(filter, cursor, withDates: true);
        query.Add(new(Routes.Query.State, filter?.State));
        query.Add(new(Routes.Query.Target, filter?.Target));
        query.Add(new(Routes.Query.TargetType, filter?.Target is null ? null : filter.TargetType ?? TargetTypes.TelegramUserId));
        return GetAsync(Routes.Cheques, query, J.Default.XRocketPageCheque, cancellationToken);
    }

    public IEnumerable<Cheque> ListCheques(ListFilter? filter = null, int? maxItems = null, CancellationToken cancellationToken = default) =>
        Paginate(cursor => ListChequesPageAsync(filter, cursor, cancellationToken), maxItems, cancellationToken);

    /// <summary>Sets the cheque's description (an empty string clears it).</summary>
    public Task<Cheque> UpdateChequeAsync(XRocketRef reference, string description, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, Routes.Cheques, ChequeRef(reference),
            JsonSerializer.Serialize(new UpdateChequeRequest { Description = description ?? "" }, J.Default.UpdateChequeRequest), J.Default.Cheque, cancellationToken);

    /// <summary>Deletes an active cheque; its reserved funds return to the balance.</summary>
    public Task DeleteChequeAsync(XRocketRef reference, CancellationToken cancellationToken = default) =>
        _http.SendAsync(HttpMethod.Delete, Routes.Cheques, ChequeRef(reference), null, null, cancellationToken);

    private static List<KeyValuePair<string, string?>> ChequeRef(XRocketRef reference) =>
        QueryString.ByRef(reference, Routes.Query.ChequeId, Routes.Query.ClientChequeId);
}
