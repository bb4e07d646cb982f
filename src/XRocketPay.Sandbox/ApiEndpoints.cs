using System.Globalization;
using System.Text;

namespace XRocketPay.Sandbox;

/// <summary>The xRocket Pay v1 routes, as the contract names them.</summary>
internal static class ApiEndpoints
{
    public static void Map(WebApplication app, SandboxState state)
    {
        app.MapGet("/health", () => Json.Ok(new
        {
            status = "ok",
            info = new[] { new { name = "ledger", status = "up" } },
            error = Array.Empty<object>(),
            details = new[] { new { name = "ledger", status = "up" } },
        }));

        app.MapGet("/api/v1/app-info", () => Json.Ok(new { id = "1", name = "XRocketPay Sandbox" }));
        app.MapGet("/api/v1/balances", () => Json.Ok(new { balances = state.BalancesJson() }));

        app.MapGet("/api/v1/currencies", (HttpRequest r) =>
        {
            var kind = Query(r, "kind");
            if (kind is not null && kind != "crypto" && kind != "fiat")
            {
                throw Problem.Validation("'kind' must be crypto or fiat.");
            }

            return Json.Ok(Catalog.Currencies.Where(c => kind is null || c.Kind == kind)
                .Select(c => new { code = c.Code, title = c.Title, kind = c.Kind, networks = c.Networks.Select(n => new { code = n }) }));
        });

        app.MapGet("/api/v1/rates", (HttpRequest r) =>
        {
            var baseCode = Query(r, "base") ?? throw Problem.Validation("'base' is required.");
            var assets = Query(r, "assets") ?? throw Problem.Validation("'assets' is required.");
            var baseCurrency = Catalog.Find(baseCode) ?? throw Problem.Validation($"Unknown base currency '{baseCode}'.");
            var rates = assets.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(code =>
            {
                var currency = Catalog.Find(code) ?? throw Problem.Validation($"Unknown currency '{code}'.");
                return new { currency = currency.Code, rate = Money.Format(Math.Round(currency.UsdPrice / baseCurrency.UsdPrice, 12)) };
            });
            return Json.Ok(rates.ToList());
        });

        // Transfers
        app.MapPost("/api/v1/transfers", async (HttpRequest r) => Json.Ok(state.CreateTransfer(await RequestBody.ReadAsync(r)).ToJson(), 201));
        app.MapGet("/api/v1/transfers", (HttpRequest r) =>
            Page(r, DateFilter(r, state.Transfers()), t => t.ToJson()));
        app.MapGet("/api/v1/transfer", (HttpRequest r) =>
            Json.Ok(state.GetTransfer(Query(r, "transferId"), Query(r, "clientTransferId")).ToJson()));
        app.MapPost("/api/v1/mass-transfers", async (HttpRequest r) =>
        {
            var (successes, errors) = state.CreateMassTransfers(await RequestBody.ReadAsync(r));
            return Json.Ok(new { successTransfers = successes, errorTransfers = errors }, 201);
        });

        // Cheques
        app.MapPost("/api/v1/cheques", async (HttpRequest r) => Json.Ok(state.CreateCheque(await RequestBody.ReadAsync(r)).ToJson(), 201));
        app.MapGet("/api/v1/cheques", (HttpRequest r) =>
        {
            var cheques = DateFilter(r, state.Cheques()).Where(c =>
                Matches(Query(r, "state"), c.State) && Matches(Query(r, "target"), c.Target) && Matches(Query(r, "targetType"), c.TargetType));
            return Page(r, cheques, c => c.ToJson());
        });
        app.MapGet("/api/v1/cheque", (HttpRequest r) => Json.Ok(state.GetCheque(Query(r, "chequeId"), Query(r, "clientChequeId")).ToJson()));
        app.MapPut("/api/v1/cheques", async (HttpRequest r) =>
            Json.Ok(state.UpdateCheque(Query(r, "chequeId"), Query(r, "clientChequeId"), await RequestBody.ReadAsync(r)).ToJson()));
        app.MapDelete("/api/v1/cheques", (HttpRequest r) =>
        {
            state.DeleteCheque(Query(r, "chequeId"), Query(r, "clientChequeId"));
            return Results.NoContent();
        });

        // Invoices
        app.MapPost("/api/v1/invoices", async (HttpRequest r) => Json.Ok(state.CreateInvoice(await RequestBody.ReadAsync(r)).ToJson(), 201));
        app.MapGet("/api/v1/invoices", (HttpRequest r) =>
        {
            var ids = Query(r, "ids")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var asset = Query(r, "asset");
            var invoices = state.Invoices().Where(i =>
                Matches(Query(r, "status"), i.Status) && Matches(Query(r, "fiat"), i.PriceCurrency) &&
                (asset is null || i.PriceCurrency == asset || i.PayCurrencies.Contains(asset)) &&
                (ids is null || ids.Contains(i.Id)));
            return Page(r, invoices, i => i.ToJson());
        });
        app.MapGet("/api/v1/invoice", (HttpRequest r) => Json.Ok(state.GetInvoice(Query(r, "invoiceId"), Query(r, "clientInvoiceId")).ToJson()));
        app.MapDelete("/api/v1/invoice", (HttpRequest r) =>
        {
            state.DeleteInvoice(Query(r, "invoiceId"), Query(r, "clientInvoiceId"));
            return Results.NoContent();
        });
        app.MapGet("/api/v1/invoice/payments", (HttpRequest r) =>
        {
            var invoice = state.GetInvoice(Query(r, "invoiceId"), Query(r, "clientInvoiceId"));
            var payments = invoice.Payments.Select((p, index) => (Payment: p, Seq: (long)index + 1)).ToList();
            return Page(r, payments, p => p.Seq, p => p.Payment.ToJson(), total: false);
        });
        app.MapPost("/api/v1/invoices/payments/address", async (HttpRequest r) =>
            Json.Ok(state.PaymentAddress(Query(r, "invoiceId"), Query(r, "clientInvoiceId"), await RequestBody.ReadAsync(r)), 201));
        app.MapPost("/api/v1/invoice/pay-test", async (HttpRequest r) =>
            Json.Ok(state.PayInvoiceTest(Query(r, "invoiceId"), Query(r, "clientInvoiceId"), await RequestBody.ReadAsync(r, optional: true)).ToJson()));

        // Withdrawals
        app.MapPost("/api/v1/withdrawals", async (HttpRequest r) => Json.Ok(state.CreateWithdrawal(await RequestBody.ReadAsync(r)).ToJson(), 201));
        app.MapGet("/api/v1/withdrawals", (HttpRequest r) =>
            Page(r, DateFilter(r, state.Withdrawals()).Where(w => Matches(Query(r, "status"), w.Status)), w => w.ToJson()));
        app.MapGet("/api/v1/withdrawal", (HttpRequest r) =>
            Json.Ok(state.GetWithdrawal(Query(r, "withdrawalId"), Query(r, "clientWithdrawalId")).ToJson()));
        app.MapGet("/api/v1/withdrawal-quotas", (HttpRequest r) =>
        {
            var network = Query(r, "network") ?? throw Problem.Validation("'network' is required.");
            var asset = Query(r, "asset") ?? throw Problem.Validation("'asset' is required.");
            var quota = Catalog.QuotaFor(network, asset);
            return Json.Ok(new
            {
                withdrawMinSize = Money.Format(quota.MinSize), withdrawFee = Money.Format(quota.Fee),
                withdrawFeeAsset = quota.FeeAsset, precision = quota.Precision,
            });
        });
        app.MapPost("/api/v1/withdrawal-link", async (HttpRequest r) =>
        {
            var (network, address, asset, amount, _, _) = SandboxState.ReadWithdrawal(await RequestBody.ReadAsync(r));
            var query = $"network={network}&address={Uri.EscapeDataString(address)}&asset={asset}&amount={Money.Format(amount)}";
            var start = Convert.ToBase64String(Encoding.UTF8.GetBytes(query)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            return Json.Ok(new
            {
                telegramBotLink = "https://t.me/xrocket?start=wd_" + start,
                telegramMiniAppLink = "https://t.me/xrocket/app?startapp=wd_" + start,
                webLink = "https://pay.xrocket.tg/withdraw?" + query,
            }, 201);
        });
    }

    public static string? Query(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && !string.IsNullOrEmpty(values.ToString()) ? values.ToString() : null;

    private static bool Matches(string? filter, string? value) => filter is null || string.Equals(filter, value, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<T> DateFilter<T>(HttpRequest r, IEnumerable<T> items) where T : IListed
    {
        var from = Date(r, "fromDate");
        var to = Date(r, "toDate");
        return items.Where(i => (from is null || i.CreatedAt >= from) && (to is null || i.CreatedAt <= to));
    }

    private static DateTimeOffset? Date(HttpRequest r, string name) =>
        Query(r, name) is not { } text ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date
        : throw Problem.Validation($"'{name}' must be an ISO 8601 date.");

    private static IResult Page<T>(HttpRequest r, IEnumerable<T> items, Func<T, object> map) where T : IListed =>
        Page(r, items, i => i.Seq, map, total: true);

    /// <summary>Keyset paging, newest first: a cursor names the last item seen, so inserts never shift a page.</summary>
    private static IResult Page<T>(HttpRequest r, IEnumerable<T> items, Func<T, long> seq, Func<T, object> map, bool total)
    {
        var limit = 100;
        if (Query(r, "limit") is { } limitText && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 1000))
        {
            throw Problem.Validation("'limit' must be a whole number from 1 to 1000.");
        }

        long? after = null;
        if (Query(r, "cursor") is { } cursor)
        {
            after = DecodeCursor(cursor) ?? throw Problem.Validation("'cursor' is not a cursor this API gave out.");
        }

        var ordered = items.OrderByDescending(seq).ToList();
        var page = ordered.Where(i => after is null || seq(i) < after).Take(limit + 1).ToList();
        var next = page.Count > limit ? EncodeCursor(seq(page[limit - 1])) : null;
        // Written out in full: the contract says next is null at the end, not absent.
        var pagination = new Dictionary<string, object?> { ["next"] = next };
        if (total)
        {
            pagination["total"] = ordered.Count;
        }

        return Json.Ok(new { items = page.Take(limit).Select(map).ToList(), pagination });
    }

    private static string EncodeCursor(long seq) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("seq:" + seq.ToString(CultureInfo.InvariantCulture))).TrimEnd('=');

    private static long? DecodeCursor(string cursor)
    {
        try
        {
            var padded = cursor + new string('=', (4 - cursor.Length % 4) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            return text.StartsWith("seq:", StringComparison.Ordinal) && long.TryParse(text[4..], NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
