using J = XRocketPay.Client.XRocketJsonContext;

namespace XRocketPay.Client;

public sealed partial class XRocketClient
{
    public Task<XRocketCreateResult<Invoice>> CreateInvoiceAsync(CreateInvoiceRequest request, CancellationToken cancellationToken = default)
    {
        request.ClientInvoiceId = ClientIds.Resolve(request.ClientInvoiceId);
        return CreateAsync(Routes.Invoices, JsonSerializer.Serialize(request, J.Default.CreateInvoiceRequest), request.ClientInvoiceId, J.Default.Invoice,
            ct => GetInvoiceAsync(XRocketRef.ByClientId(request.ClientInvoiceId), ct),
            existing => Differences(("priceCurrency", existing.PriceCurrency, request.PriceCurrency),
                ("priceAmount", existing.PriceAmount is { } a ? Amount(a) : null, request.PriceAmount is { } b ? Amount(b) : null)),
            cancellationToken);
    }

    public Task<Invoice> GetInvoiceAsync(XRocketRef reference, CancellationToken cancellationToken = default) =>
        GetAsync(Routes.Invoice, InvoiceRef(reference), J.Default.Invoice, cancellationToken);

    public Task<XRocketPage<Invoice>> ListInvoicesPageAsync(ListFilter? filter = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        var query = QueryString.List(filter, cursor, withDates: false);
        query.Add(new(Routes.Query.Asset, filter?.Asset));
        query.Add(new(Routes.Query.Fiat, filter?.Fiat));
        query.Add(new(Routes.Query.Status, filter?.Status));
        query.Add(new(Routes.Query.Ids, filter?.Ids is { Count: > 0 } ids ? string.Join(",", ids) : null));
        return GetAsync(Routes.Invoices, query, J.Default.XRocketPageInvoice, cancellationToken);
    }

    public IEnumerable<Invoice> ListInvoices(ListFilter? filter = null, int? maxItems = null, CancellationToken cancellationToken = default) =>
        Paginate(cursor => ListInvoicesPageAsync(filter, cursor, cancellationToken), maxItems, cancellationToken);

    public Task DeleteInvoiceAsync(XRocketRef reference, CancellationToken cancellationToken = default) =>
        _http.SendAsync(HttpMethod.Delete, Routes.Invoice, InvoiceRef(reference), null, null, cancellationToken);

    public async Task<XRocketPage<InvoicePayment>> ListInvoicePaymentsPageAsync(XRocketRef invoice, string? cursor = null, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        var query = InvoiceRef(invoice);
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

    public Task<InvoicePaymentAddress> CreateInvoicePaymentAddressAsync(XRocketRef invoice, string payNetwork, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, Routes.InvoicePaymentAddress, InvoiceRef(invoice),
            JsonSerializer.Serialize(new InvoicePaymentAddressRequest { PayNetwork = payNetwork }, J.Default.InvoicePaymentAddressRequest), J.Default.InvoicePaymentAddress, cancellationToken);

    /// <summary>Pays an invoice for testing (sandbox and testnet only; production refuses it).</summary>
    public Task<Invoice> PayInvoiceTestAsync(XRocketRef invoice, TestPayInvoiceRequest? request = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, Routes.InvoicePayTest, InvoiceRef(invoice),
            JsonSerializer.Serialize(request ?? new TestPayInvoiceRequest(), J.Default.TestPayInvoiceRequest), J.Default.Invoice, cancellationToken);

    private static List<KeyValuePair<string, string?>> InvoiceRef(XRocketRef reference) =>
        QueryString.ByRef(reference, Routes.Query.InvoiceId, Routes.Query.ClientInvoiceId);
}
