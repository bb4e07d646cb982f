namespace XRocketPay.Sandbox;

internal static class InvoiceEndpoints
{
    public static void Map(ApiRoutes routes)
    {
        var state = routes.State;
        string[] lookup = { "invoiceId", "clientInvoiceId" };
        string[] fields =
        {
            "priceCurrency", "priceAmount", "minPayment", "numPayments", "payoutCurrency", "payCurrencies", "clientInvoiceId",
            "description", "expiresIn", "callback", "url", "customer", "isFeePaidByUser", "data", "platformId",
        };
        string? Id(HttpRequest r) => ApiRoutes.Query(r, "invoiceId");
        string? ClientId(HttpRequest r) => ApiRoutes.Query(r, "clientInvoiceId");

        // 200, not 201: the saved live spec (SOURCES §5.6).
        routes.Post("/api/v1/invoices", ApiRoutes.None, fields, async r => Json.Ok(state.CreateInvoice(await RequestBody.ReadAsync(r)).ToJson()));
        routes.Get("/api/v1/invoices", new[] { "asset", "fiat", "ids", "status", "cursor", "limit" }, r =>
        {
            var ids = ApiRoutes.Query(r, "ids")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var asset = ApiRoutes.Query(r, "asset");
            var invoices = state.Invoices().Where(i =>
                Paging.Matches(ApiRoutes.Query(r, "status"), i.Status) && Paging.Matches(ApiRoutes.Query(r, "fiat"), i.PriceCurrency) &&
                (asset is null || i.PriceCurrency == asset || i.PayCurrencies.Contains(asset)) &&
                (ids is null || ids.Contains(i.Id)));
            return Paging.Page(r, invoices, i => i.ToJson());
        });
        routes.Get("/api/v1/invoice", lookup, r => Json.Ok(state.GetInvoice(Id(r), ClientId(r)).ToJson()));
        routes.Delete("/api/v1/invoice", lookup, r =>
        {
            state.DeleteInvoice(Id(r), ClientId(r));
            return Json.Deleted();
        });

        // Paged with {next} only, no total (SOURCES §5.10).
        routes.Get("/api/v1/invoice/payments", lookup.Concat(new[] { "cursor", "limit" }).ToArray(), r =>
        {
            var invoice = state.GetInvoice(Id(r), ClientId(r));
            var payments = invoice.Payments.Select((p, index) => (Payment: p, Seq: (long)index + 1)).ToList();
            return Paging.Page(r, payments, p => p.Seq, p => p.Payment.ToJson(), total: false);
        });
        routes.Post("/api/v1/invoices/payments/address", lookup, new[] { "payNetwork" }, async r =>
            Json.Ok(state.PaymentAddress(Id(r), ClientId(r), await RequestBody.ReadAsync(r)), 201));

        // No public source at all (SOURCES §5.12): sandbox and testnet only.
        routes.Post("/api/v1/invoice/pay-test", lookup, new[] { "payCurrency", "amount" }, async r =>
            Json.Ok(state.PayInvoiceTest(Id(r), ClientId(r), await RequestBody.ReadAsync(r, optional: true)).ToJson()));
    }
}
