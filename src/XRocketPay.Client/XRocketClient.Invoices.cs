using J = XRocketPay.Client.XRocketJsonContext;

namespace XRocketPay.Client;

public sealed partial class XRocketClient
{
    /// <summary>
    /// Creates an invoice. <see cref="CreateInvoiceRequest.Expiry"/> is sent in the unit this server reads, and the
    /// answer's <c>expiresAt</c> is checked against it (<see cref="InvoiceExpiry"/>): a mismatch is in
    /// <see cref="XRocketCreateResult{T}.Warnings"/>.
    /// </summary>
    public async Task<XRocketCreateResult<Invoice>> CreateInvoiceAsync(CreateInvoiceRequest request, CancellationToken cancellationToken = default)
    {
        request.ClientInvoiceId = ClientIds.Resolve(request.ClientInvoiceId);
        var sentUnit = _invoiceExpiry.SentUnit;
        request.ExpiresIn = request.Expiry is { } expiry ? InvoiceExpiry.WireValue(expiry, sentUnit) : null;
        var requestedAt = DateTimeOffset.UtcNow;
        var created = await CreateAsync(Routes.Invoices, JsonSerializer.Serialize(request, J.Default.CreateInvoiceRequest), request.ClientInvoiceId, J.Default.Invoice,
            ct => GetInvoiceAsync(XRocketRef.ByClientId(request.ClientInvoiceId), ct),
            existing => InvoiceDifferences(existing, request),
            cancellationToken).ConfigureAwait(false);
        created.Value.FiatPrice = request.FiatPrice;

        // Only an invoice this call made tells how this server reads what this call sent.
        if (request.Expiry is { } asked && created.Outcome == XRocketOutcome.Sent &&
            _invoiceExpiry.Check(created.Value, asked, sentUnit, requestedAt) is { } warning)
        {
            created.Warn(warning);
        }

        return created;
    }

    /// <summary>
    /// "Is the invoice that holds this client id the one asked for?" The fields of the request the invoice
    /// shows: a re-run that changed any of them (a new description too) is a conflict naming them, never the
    /// old invoice returned as if it were the new one (issue 29 item 5). A field the answer leaves out is not
    /// compared; the description is, even when one side has none.
    /// </summary>
    internal static IReadOnlyList<string> InvoiceDifferences(Invoice existing, CreateInvoiceRequest request)
    {
        // An open amount is one the answer shows as absent beside the other amount; payCurrencies left out
        // means [priceCurrency] (SOURCES §8.7).
        var shownAmounts = existing.PriceAmount is not null || existing.MinPayment is not null;
        return SameObject.Differences(
            SameObject.Code("priceCurrency", existing.PriceCurrency, request.PriceCurrency),
            new SameObject.Field("priceAmount", shownAmounts && existing.PriceAmount != request.PriceAmount),
            new SameObject.Field("minPayment", shownAmounts && existing.MinPayment != request.MinPayment),
            SameObject.Amount("numPayments", existing.NumPayments, request.NumPayments ?? 1),
            SameObject.Code("payCurrencies", existing.PayCurrencies is { Count: > 0 } pay ? string.Join(",", pay) : null,
                request.PayCurrencies is { Count: > 0 } asked ? string.Join(",", asked) : request.PriceCurrency),
            SameObject.Identity("callbackUrl", existing.Callback?.CallbackUrl, request.Callback?.CallbackUrl),
            new SameObject.Field("description", !string.Equals(existing.Description ?? "", request.Description ?? "", StringComparison.Ordinal)));
    }

    /// <summary>The unit invoice expiries are sent in: the configured one, or under Auto what an answer showed (Auto until then).</summary>
    public XRocketInvoiceExpiryUnit InvoiceExpiryUnit => _invoiceExpiry.Unit;

    /// <summary>
    /// Prices <paramref name="fiatAmount"/> of <paramref name="fiat"/> in <paramref name="asset"/>: the rate is read
    /// now, for this price alone (never cached), and the asset amount is rounded up to the asset's precision.
    /// </summary>
    public async Task<XRocketFiatPrice> PriceInFiatAsync(string asset, decimal fiatAmount, string fiat, CancellationToken cancellationToken = default)
    {
        var rates = await GetRatesAsync(fiat, new[] { asset }, cancellationToken).ConfigureAwait(false);
        var rate = rates.FirstOrDefault(r => string.Equals(r.Asset, asset, StringComparison.OrdinalIgnoreCase));
        if (rate is null || rate.Value <= 0m)
        {
            throw new XRocketException($"The API gave no usable rate of {asset} in {fiat} ({(rate is null ? "none" : XRocketMoney.Format(rate.Value))}): the invoice cannot be priced in {fiat}. Nothing was created.")
            { Method = "GET", Path = "/" + Routes.Rates };
        }

        var decimals = await AssetDecimalsAsync(asset, cancellationToken).ConfigureAwait(false);
        try
        {
            return new XRocketFiatPrice(rate, fiatAmount, decimals, DateTimeOffset.UtcNow);
        }
        catch (OverflowException)
        {
            throw new XRocketException($"{XRocketMoney.Format(fiatAmount)} {fiat} at {XRocketMoney.Format(rate.Value)} {fiat} per {asset} is more {asset} than can be written exactly. Nothing was created.");
        }
    }

    /// <summary>
    /// An asset's precision: the smallest <c>precision</c> of its networks' withdrawal quotas (the only place the
    /// API gives one), else <see cref="XRocketMoney.MaxDecimals"/>. Reference data, read once per client.
    /// </summary>
    private async Task<int> AssetDecimalsAsync(string asset, CancellationToken cancellationToken)
    {
        if (_assetDecimals.TryGetValue(asset, out var known))
        {
            return known;
        }

        var decimals = XRocketMoney.MaxDecimals;
        var currencies = await GetCurrenciesAsync(null, cancellationToken).ConfigureAwait(false);
        foreach (var network in currencies.Where(c => string.Equals(c.Code, asset, StringComparison.OrdinalIgnoreCase)).SelectMany(c => c.Networks))
        {
            try
            {
                if ((await GetWithdrawalQuotasAsync(network.Code, asset, cancellationToken).ConfigureAwait(false)).Precision is >= 0 and var precision)
                {
                    decimals = Math.Min(decimals, precision);
                }
            }
            catch (XRocketApiException)
            {
                // A network this asset cannot be withdrawn over has no quota: the others (or 9) decide.
            }
        }

        return _assetDecimals[asset] = decimals;
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
