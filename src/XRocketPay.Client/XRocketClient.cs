using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using XRocketPay.Client.Models;
using J = XRocketPay.Client.XRocketJsonContext;

namespace XRocketPay.Client;

/// <summary>
/// The whole xRocket Pay API. Thread-safe; share one per connection. Creates that move money carry a
/// client id made once per call and reused on every retry, and a repeat of earlier work is recognised
/// instead of paying twice.
/// </summary>
public sealed class XRocketClient
{
    private readonly XRocketHttp _http;

    public XRocketClient(XRocketClientOptions options)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        _http = new XRocketHttp(options);
    }

    public XRocketClientOptions Options { get; }

    public Uri BaseUri => _http.BaseUri;

    public override string ToString() => $"XRocketClient {BaseUri} ({Options.Token?.Hint ?? "no token"})";

    // ---------- app, currencies ----------

    public Task<Health> GetHealthAsync(CancellationToken cancellationToken = default) =>
        GetAsync(Routes.Health, null, J.Default.Health, cancellationToken);

    public Task<App> GetAppInfoAsync(CancellationToken cancellationToken = default) =>
        GetAsync(Routes.AppInfo, null, J.Default.App, cancellationToken);

    public async Task<IReadOnlyList<AssetBalance>> GetBalancesAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync(Routes.Balances, null, J.Default.BalanceList, cancellationToken).ConfigureAwait(false)).Balances;

    public async Task<IReadOnlyList<Currency>> GetCurrenciesAsync(string? kind = null, CancellationToken cancellationToken = default) =>
        await GetAsync(Routes.Currencies, Q((Routes.Query.Kind, kind)), J.Default.ListCurrency, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<Rate>> GetRatesAsync(string baseCurrency, IEnumerable<string> assets, CancellationToken cancellationToken = default)
    {
        var rates = await GetAsync(Routes.Rates, Q((Routes.Query.Base, baseCurrency), (Routes.Query.Assets, string.Join(",", assets))), J.Default.ListRate, cancellationToken).ConfigureAwait(false);
        foreach (var rate in rates)
        {
            rate.Base = baseCurrency;
        }

        return rates;
    }

    // ---------- transfers ----------

    public Task<XRocketCreateResult<Transfer>> CreateTransferAsync(CreateTransferRequest request, CancellationToken cancellationToken = default)
    {
        request.ClientTransferId = EnsureClientId(request.ClientTransferId);
        return CreateAsync(Routes.Transfers, JsonSerializer.Serialize(request, J.Default.CreateTransferRequest), request.ClientTransferId, J.Default.Transfer,
            ct => GetTransferAsync(XRocketRef.ByClientId(request.ClientTransferId), ct),
            existing => Differences(("target", existing.Target, request.Target), ("asset", existing.Asset, request.Asset), ("amount", Amount(existing.Amount), Amount(request.Amount))),
            cancellationToken);
    }

    public Task<Transfer> GetTransferAsync(XRocketRef reference, CancellationToken cancellationToken = default) =>
        GetAsync(Routes.Transfer, ByRef(reference, Routes.Query.TransferId, Routes.Query.ClientTransferId), J.Default.Transfer, cancellationToken);

    public Task<XRocketPage<Transfer>> ListTransfersPageAsync(ListFilter? filter = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        GetAsync(Routes.Transfers, ListQuery(filter, cursor, Routes.Query.FromDate, Routes.Query.ToDate), J.Default.XRocketPageTransfer, cancellationToken);

    /// <summary>Every transfer, newest first, fetched page by page as the caller reads.</summary>
    public IEnumerable<Transfer> ListTransfers(ListFilter? filter = null, int? maxItems = null, CancellationToken cancellationToken = default) =>
        Paginate(cursor => ListTransfersPageAsync(filter, cursor, cancellationToken), maxItems, cancellationToken);

    /// <summary>
    /// Sends rows of one asset in one request. Each row gets a client id (made once when missing); rows the
    /// API refuses as already taken are looked up and compared, so a re-run reports them AlreadyDone.
    /// </summary>
    public async Task<IReadOnlyList<MassTransferRowResult>> CreateMassTransfersAsync(string asset, IReadOnlyList<MassTransferItem> rows, CancellationToken cancellationToken = default)
    {
        foreach (var row in rows)
        {
            row.ClientTransferId = EnsureClientId(row.ClientTransferId);
        }

        var body = JsonSerializer.Serialize(new CreateMassTransfersRequest { Asset = asset, Transfers = rows.ToList() }, J.Default.CreateMassTransfersRequest);
        // Retries reuse the same row ids; a row "already taken" after an attempt that may have gone through is ours.
        var (text, ambiguous) = await _http.SendWithOutcomeAsync(HttpMethod.Post, Routes.MassTransfers, null, body, null, cancellationToken).ConfigureAwait(false);
        var response = _http.Deserialize(text, "POST", Routes.MassTransfers, J.Default.MassTransfersResponse);
        var results = new List<MassTransferRowResult>(rows.Count);
        for (var index = 0; index < rows.Count; index++)
        {
            var row = rows[index];
            var sent = response.SuccessTransfers.FirstOrDefault(t => t.ClientTransferId == row.ClientTransferId);
            if (sent is not null)
            {
                results.Add(new MassTransferRowResult(index, row.ClientTransferId!, MassTransferRowStatus.Sent, sent, null, null));
                continue;
            }

            var error = response.ErrorTransfers.FirstOrDefault(e => e.ClientTransferId == row.ClientTransferId);
            var problem = error?.Reason ?? new XRocketProblem { Type = "/api/problems/missing_row_result", Title = "The API did not report this row." };
            if (problem.Code != Routes.ProblemCodes.ClientIdAlreadyTaken)
            {
                results.Add(new MassTransferRowResult(index, row.ClientTransferId!, MassTransferRowStatus.Failed, null, problem, null));
                continue;
            }

            results.Add(await ReconcileRowAsync(index, asset, row, ambiguous, cancellationToken).ConfigureAwait(false));
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
                ? new MassTransferRowResult(index, row.ClientTransferId!, ownAttempt ? MassTransferRowStatus.Sent : MassTransferRowStatus.AlreadyDone, existing, null, null)
                : new MassTransferRowResult(index, row.ClientTransferId!, MassTransferRowStatus.Failed, existing, null, new XRocketConflictException(row.ClientTransferId!, differences, existing));
        }
        catch (XRocketException ex)
        {
            ex.ClientId ??= row.ClientTransferId;
            return new MassTransferRowResult(index, row.ClientTransferId!, MassTransferRowStatus.Failed, null, null, ex);
        }
    }

    // ---------- cheques ----------

    public Task<XRocketCreateResult<Cheque>> CreateChequeAsync(CreateChequeRequest request, CancellationToken cancellationToken = default)
    {
        request.ClientChequeId = EnsureClientId(request.ClientChequeId);
        return CreateAsync(Routes.Cheques, JsonSerializer.Serialize(request, J.Default.CreateChequeRequest), request.ClientChequeId, J.Default.Cheque,
            ct => GetChequeAsync(XRocketRef.ByClientId(request.ClientChequeId), ct),
            existing => Differences(("asset", existing.Asset, request.Asset), ("amount", existing.Amount is { } a ? Amount(a) : null, Amount(request.Amount))),
            cancellationToken);
    }

    public Task<Cheque> GetChequeAsync(XRocketRef reference, CancellationToken cancellationToken = default) =>
        GetAsync(Routes.Cheque, ByRef(reference, Routes.Query.ChequeId, Routes.Query.ClientChequeId), J.Default.Cheque, cancellationToken);

    public Task<XRocketPage<Cheque>> ListChequesPageAsync(ListFilter? filter = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        var query = ListQuery(filter, cursor, Routes.Query.FromDate, Routes.Query.ToDate);
        query.Add(new(Routes.Query.State, filter?.State));
        query.Add(new(Routes.Query.Target, filter?.Target));
        query.Add(new(Routes.Query.TargetType, filter?.Target is null ? null : filter.TargetType ?? TargetTypes.TelegramUserId));
        return GetAsync(Routes.Cheques, query, J.Default.XRocketPageCheque, cancellationToken);
    }

    public IEnumerable<Cheque> ListCheques(ListFilter? filter = null, int? maxItems = null, CancellationToken cancellationToken = default) =>
        Paginate(cursor => ListChequesPageAsync(filter, cursor, cancellationToken), maxItems, cancellationToken);

    /// <summary>Sets the cheque's description (an empty string clears it).</summary>
    public async Task<Cheque> UpdateChequeAsync(XRocketRef reference, string description, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.Serialize(new UpdateChequeRequest { Description = description ?? "" }, J.Default.UpdateChequeRequest);
        var text = await _http.SendAsync(HttpMethod.Put, Routes.Cheques, ByRef(reference, Routes.Query.ChequeId, Routes.Query.ClientChequeId), body, null, cancellationToken).ConfigureAwait(false);
        return _http.Deserialize(text, "PUT", Routes.Cheques, J.Default.Cheque);
    }

    /// <summary>Deletes an active cheque; its reserved funds return to the balance.</summary>
    public Task DeleteChequeAsync(XRocketRef reference, CancellationToken cancellationToken = default) =>
        _http.SendAsync(HttpMethod.Delete, Routes.Cheques, ByRef(reference, Routes.Query.ChequeId, Routes.Query.ClientChequeId), null, null, cancellationToken);

    // ---------- invoices ----------

    public Task<XRocketCreateResult<Invoice>> CreateInvoiceAsync(CreateInvoiceRequest request, CancellationToken cancellationToken = default)
    {
        request.ClientInvoiceId = EnsureClientId(request.ClientInvoiceId);
        return CreateAsync(Routes.Invoices, JsonSerializer.Serialize(request, J.Default.CreateInvoiceRequest), request.ClientInvoiceId, J.Default.Invoice,
            ct => GetInvoiceAsync(XRocketRef.ByClientId(request.ClientInvoiceId), ct),
            existing => Differences(("priceCurrency", existing.PriceCurrency, request.PriceCurrency),
                ("priceAmount", existing.PriceAmount is { } a ? Amount(a) : null, request.PriceAmount is { } b ? Amount(b) : null)),
            cancellationToken);
    }

    public Task<Invoice> GetInvoiceAsync(XRocketRef reference, CancellationToken cancellationToken = default) =>
        GetAsync(Routes.Invoice, ByRef(reference, Routes.Query.InvoiceId, Routes.Query.ClientInvoiceId), J.Default.Invoice, cancellationToken);

    public Task<XRocketPage<Invoice>> ListInvoicesPageAsync(ListFilter? filter = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        var query = ListQuery(filter, cursor, null, null);
        query.Add(new(Routes.Query.Asset, filter?.Asset));
        query.Add(new(Routes.Query.Fiat, filter?.Fiat));
        query.Add(new(Routes.Query.Status, filter?.Status));
        query.Add(new(Routes.Query.Ids, filter?.Ids is { Count: > 0 } ids ? string.Join(",", ids) : null));
        return GetAsync(Routes.Invoices, query, J.Default.XRocketPageInvoice, cancellationToken);
    }

    public IEnumerable<Invoice> ListInvoices(ListFilter? filter = null, int? maxItems = null, CancellationToken cancellationToken = default) =>
        Paginate(cursor => ListInvoicesPageAsync(filter, cursor, cancellationToken), maxItems, cancellationToken);

    public Task DeleteInvoiceAsync(XRocketRef reference, CancellationToken cancellationToken = default) =>
        _http.SendAsync(HttpMethod.Delete, Routes.Invoice, ByRef(reference, Routes.Query.InvoiceId, Routes.Query.ClientInvoiceId), null, null, cancellationToken);

    public async Task<XRocketPage<InvoicePayment>> ListInvoicePaymentsPageAsync(XRocketRef invoice, string? cursor = null, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        var query = ByRef(invoice, Routes.Query.InvoiceId, Routes.Query.ClientInvoiceId);
        query.Add(new(Routes.Query.Cursor, cursor));
        query.Add(new(Routes.Query.Limit, pageSize?.ToString(CultureInfo.InvariantCulture)));
        var page = await GetAsync(Routes.InvoicePayments, query, J.Default.XRocketPageInvoicePayment, cancellationToken).ConfigureAwait(false);
        foreach (var payment in page.Items)
        {
            payment.InvoiceId = invoice.Id;
        }

        return page;
    }

    public IEnumerable<InvoicePayment> ListInvoicePayments(XRocketRef invoice, int? maxItems = null, CancellationToken cancellationToken = default) =>
        Paginate(cursor => ListInvoicePaymentsPageAsync(invoice, cursor, null, cancellationToken), maxItems, cancellationToken);

    public async Task<InvoicePaymentAddress> CreateInvoicePaymentAddressAsync(XRocketRef invoice, string payNetwork, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.Serialize(new InvoicePaymentAddressRequest { PayNetwork = payNetwork }, J.Default.InvoicePaymentAddressRequest);
        var text = await _http.SendAsync(HttpMethod.Post, Routes.InvoicePaymentAddress, ByRef(invoice, Routes.Query.InvoiceId, Routes.Query.ClientInvoiceId), body, null, cancellationToken).ConfigureAwait(false);
        return _http.Deserialize(text, "POST", Routes.InvoicePaymentAddress, J.Default.InvoicePaymentAddress);
    }

    /// <summary>Pays an invoice for testing (sandbox and testnet only; production refuses it).</summary>
    public async Task<Invoice> PayInvoiceTestAsync(XRocketRef invoice, TestPayInvoiceRequest? request = null, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.Serialize(request ?? new TestPayInvoiceRequest(), J.Default.TestPayInvoiceRequest);
        var text = await _http.SendAsync(HttpMethod.Post, Routes.InvoicePayTest, ByRef(invoice, Routes.Query.InvoiceId, Routes.Query.ClientInvoiceId), body, null, cancellationToken).ConfigureAwait(false);
        return _http.Deserialize(text, "POST", Routes.InvoicePayTest, J.Default.Invoice);
    }

    // ---------- withdrawals ----------

    public Task<XRocketCreateResult<Withdrawal>> CreateWithdrawalAsync(CreateWithdrawalRequest request, CancellationToken cancellationToken = default)
    {
        request.ClientWithdrawalId = EnsureClientId(request.ClientWithdrawalId);
        return CreateAsync(Routes.Withdrawals, JsonSerializer.Serialize(request, J.Default.CreateWithdrawalRequest), request.ClientWithdrawalId, J.Default.Withdrawal,
            ct => GetWithdrawalAsync(XRocketRef.ByClientId(request.ClientWithdrawalId), ct),
            existing => Differences(("address", existing.Address, request.Address), ("network", existing.Network ?? request.Network, request.Network),
                ("asset", existing.Asset, request.Asset), ("amount", Amount(existing.Amount), Amount(request.Amount))),
            cancellationToken);
    }

    public Task<Withdrawal> GetWithdrawalAsync(XRocketRef reference, CancellationToken cancellationToken = default) =>
        GetAsync(Routes.Withdrawal, ByRef(reference, Routes.Query.WithdrawalId, Routes.Query.ClientWithdrawalId), J.Default.Withdrawal, cancellationToken);

    public Task<XRocketPage<Withdrawal>> ListWithdrawalsPageAsync(ListFilter? filter = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        var query = ListQuery(filter, cursor, Routes.Query.FromDate, Routes.Query.ToDate);
        query.Add(new(Routes.Query.Status, filter?.Status));
        return GetAsync(Routes.Withdrawals, query, J.Default.XRocketPageWithdrawal, cancellationToken);
    }

    public IEnumerable<Withdrawal> ListWithdrawals(ListFilter? filter = null, int? maxItems = null, CancellationToken cancellationToken = default) =>
        Paginate(cursor => ListWithdrawalsPageAsync(filter, cursor, cancellationToken), maxItems, cancellationToken);

    public async Task<WithdrawalQuotas> GetWithdrawalQuotasAsync(string network, string asset, CancellationToken cancellationToken = default)
    {
        var quotas = await GetAsync(Routes.WithdrawalQuotas, Q((Routes.Query.Network, network), (Routes.Query.Asset, asset)), J.Default.WithdrawalQuotas, cancellationToken).ConfigureAwait(false);
        quotas.Network = network;
        quotas.Asset = asset;
        return quotas;
    }

    /// <summary>A link the recipient opens to confirm a withdrawal; nothing moves until they do.</summary>
    public async Task<Links> CreateWithdrawalLinkAsync(CreateWithdrawalLinkRequest request, CancellationToken cancellationToken = default)
    {
        var text = await _http.SendAsync(HttpMethod.Post, Routes.WithdrawalLink, null, JsonSerializer.Serialize(request, J.Default.CreateWithdrawalLinkRequest), null, cancellationToken).ConfigureAwait(false);
        return _http.Deserialize(text, "POST", Routes.WithdrawalLink, J.Default.Links);
    }

    // ---------- plumbing ----------

    private async Task<T> GetAsync<T>(string path, List<KeyValuePair<string, string?>>? query, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var text = await _http.SendAsync(HttpMethod.Get, path, query, null, null, cancellationToken).ConfigureAwait(false);
        return _http.Deserialize(text, "GET", path, typeInfo);
    }

    /// <summary>
    /// A create that can never pay twice: the same client id on every attempt, and a "client id already
    /// taken" answer reconciled by looking the object up and comparing it with the request.
    /// </summary>
    private async Task<XRocketCreateResult<T>> CreateAsync<T>(string path, string body, string clientId, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo,
        Func<CancellationToken, Task<T>> lookUp, Func<T, IReadOnlyList<string>> differences, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var text = await _http.SendAsync(HttpMethod.Post, path, null, body, clientId, cancellationToken).ConfigureAwait(false);
            return new XRocketCreateResult<T>(_http.Deserialize(text, "POST", path, typeInfo), clientId, alreadyExisted: false);
        }
        catch (XRocketApiException ex) when (ex.IsClientIdAlreadyTaken)
        {
            T existing;
            try
            {
                existing = await lookUp(cancellationToken).ConfigureAwait(false);
            }
            catch (XRocketException lookupFailure)
            {
                lookupFailure.ClientId ??= clientId;
                throw;
            }

            var differing = differences(existing);
            if (differing.Count > 0)
            {
                throw new XRocketConflictException(clientId, differing, existing) { Method = "POST", Path = "/" + path, Attempts = ex.Attempts };
            }

            // Taken on a retry after an attempt that may have gone through: this call created it.
            return new XRocketCreateResult<T>(existing, clientId, alreadyExisted: !ex.EarlierAttemptMayHaveSucceeded);
        }
        catch (XRocketException ex)
        {
            ex.ClientId ??= clientId;
            throw;
        }
    }

    private static IEnumerable<T> Paginate<T>(Func<string?, Task<XRocketPage<T>>> fetch, int? maxItems, CancellationToken cancellationToken)
    {
        var yielded = 0;
        string? cursor = null;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = fetch(cursor).GetAwaiter().GetResult();
            foreach (var item in page.Items)
            {
                if (maxItems is { } max && yielded >= max)
                {
                    yield break;
                }

                yielded++;
                yield return item;
            }

            cursor = page.Next;
        }
        while (!string.IsNullOrEmpty(cursor) && (maxItems is null || yielded < maxItems));
    }

    private static string EnsureClientId(string? clientId) =>
        string.IsNullOrWhiteSpace(clientId) ? "xrp-" + Guid.NewGuid().ToString("N") : clientId!.Trim();

    private static string Amount(decimal value) => XRocketMoney.Format(XRocketMoney.Normalize(value));

    private static IReadOnlyList<string> Differences(params (string Field, string? Existing, string? Requested)[] pairs) =>
        pairs.Where(p => p.Existing is not null && !string.Equals(p.Existing, p.Requested, StringComparison.Ordinal)).Select(p => p.Field).ToList();

    private static List<KeyValuePair<string, string?>> Q(params (string Key, string? Value)[] pairs) =>
        pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)).ToList();

    private static List<KeyValuePair<string, string?>> ByRef(XRocketRef reference, string idName, string clientIdName)
    {
        if (reference.Id is null && reference.ClientId is null)
        {
            throw new ArgumentException("Name the object by id or by client id.", nameof(reference));
        }

        return Q((idName, reference.Id), (clientIdName, reference.Id is null ? reference.ClientId : null));
    }

    private static List<KeyValuePair<string, string?>> ListQuery(ListFilter? filter, string? cursor, string? fromName, string? toName)
    {
        var query = Q((Routes.Query.Cursor, cursor), (Routes.Query.Limit, filter?.PageSize?.ToString(CultureInfo.InvariantCulture)));
        if (fromName is not null && filter?.FromDate is { } from)
        {
            query.Add(new(fromName, XRocketHttp.Invariant(from)));
        }

        if (toName is not null && filter?.ToDate is { } to)
        {
            query.Add(new(toName, XRocketHttp.Invariant(to)));
        }

        return query;
    }
}
