using J = XRocketPay.Client.XRocketJsonContext;

namespace XRocketPay.Client;

public sealed partial class XRocketClient
{
    public async Task<XRocketCreateResult<Withdrawal>> CreateWithdrawalAsync(CreateWithdrawalRequest request, CancellationToken cancellationToken = default)
    {
        request.ClientWithdrawalId = ClientIds.Resolve(request.ClientWithdrawalId);
        var created = await CreateAsync(Routes.Withdrawals, JsonSerializer.Serialize(request, J.Default.CreateWithdrawalRequest), request.ClientWithdrawalId, J.Default.Withdrawal,
            ct => GetWithdrawalAsync(XRocketRef.ByClientId(request.ClientWithdrawalId), ct),
            existing => SameObject.Differences(SameObject.Identity("address", existing.Address, request.Address), SameObject.Code("network", existing.Network, request.Network),
                SameObject.Code("asset", existing.Asset, request.Asset), SameObject.Amount("amount", existing.Amount, request.Amount)),
            cancellationToken).ConfigureAwait(false);

        // No public source shows the client id echoed in a withdrawal (SOURCES §5.22): ours fills it.
        created.Value.ClientWithdrawalId ??= request.ClientWithdrawalId;
        return created;
    }

    public async Task<Withdrawal> GetWithdrawalAsync(XRocketRef reference, CancellationToken cancellationToken = default)
    {
        var withdrawal = await GetAsync(Routes.Withdrawal, QueryString.ByRef(reference, Routes.Query.WithdrawalId, Routes.Query.ClientWithdrawalId), J.Default.Withdrawal, cancellationToken).ConfigureAwait(false);
        withdrawal.ClientWithdrawalId ??= reference.ClientId;
        return withdrawal;
    }

    public Task<XRocketPage<Withdrawal>> ListWithdrawalsPageAsync(ListFilter? filter = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        var query = QueryString.List(filter, cursor, withDates: true);
        query.Add(new(Routes.Query.Status, filter?.Status));
        return GetAsync(Routes.Withdrawals, query, J.Default.XRocketPageWithdrawal, cancellationToken);
    }

    public IEnumerable<Withdrawal> ListWithdrawals(ListFilter? filter = null, int? maxItems = null, CancellationToken cancellationToken = default) =>
        Paginate(cursor => ListWithdrawalsPageAsync(filter, cursor, cancellationToken), maxItems, cancellationToken);

    public async Task<WithdrawalQuotas> GetWithdrawalQuotasAsync(string network, string asset, CancellationToken cancellationToken = default)
    {
        var query = QueryString.Of((Routes.Query.Network, network), (Routes.Query.Asset, asset));
        var quotas = await GetAsync(Routes.WithdrawalQuotas, query, J.Default.WithdrawalQuotas, cancellationToken).ConfigureAwait(false);
        quotas.Network = network;
        quotas.Asset = asset;
        return quotas;
    }

    /// <summary>A link the recipient opens to confirm a withdrawal; nothing moves until they do.</summary>
    public Task<Links> CreateWithdrawalLinkAsync(CreateWithdrawalLinkRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, Routes.WithdrawalLink, null, JsonSerializer.Serialize(request, J.Default.CreateWithdrawalLinkRequest), J.Default.Links, cancellationToken);
}
