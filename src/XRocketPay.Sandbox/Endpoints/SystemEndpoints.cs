namespace XRocketPay.Sandbox;

/// <summary>Health, app, balances, reference data, and the contract itself.</summary>
internal static class SystemEndpoints
{
    public static void Map(ApiRoutes routes)
    {
        var state = routes.State;
        routes.Get("/health", ApiRoutes.None, _ => Json.Ok(new
        {
            status = "ok",
            info = new[] { new { name = "ledger", status = "up" } },
            error = Array.Empty<object>(),
            details = new[] { new { name = "ledger", status = "up" } },
        }));

        routes.Get("/api/docs-json", ApiRoutes.None, r => Results.Text(r.HttpContext.RequestServices.GetRequiredService<ApiContract>().DialectJson, "application/json"), documented: false);
        routes.Get("/api/v1/app-info", ApiRoutes.None, _ => Json.Ok(new { id = "1", name = "XRocketPay Sandbox" }));
        routes.Get("/api/v1/balances", ApiRoutes.None, _ => Json.Ok(new { balances = state.BalancesJson() }));

        routes.Get("/api/v1/currencies", new[] { "kind" }, r =>
        {
            var kind = ApiRoutes.Query(r, "kind");
            if (kind is not null && kind != "crypto" && kind != "fiat")
            {
                throw Problem.Validation("'kind' must be crypto or fiat.");
            }

            return Json.Ok(Catalog.Currencies.Where(c => kind is null || c.Kind == kind)
                .Select(c => new { code = c.Code, title = c.Title, kind = c.Kind, networks = c.Networks.Select(n => new { code = n }) }));
        });

        routes.Get("/api/v1/rates", new[] { "base", "assets" }, r =>
        {
            // base defaults to USD (SOURCES §5.5: S4's saved live spec).
            var baseCode = ApiRoutes.Query(r, "base") ?? "USD";
            var baseCurrency = Catalog.Find(baseCode) ?? throw Problem.Validation($"Unknown base currency '{baseCode}'.");
            var rates = Assets(r).Select(code =>
            {
                var currency = Catalog.Find(code) ?? throw Problem.Validation($"Unknown currency '{code}'.");
                return new { currency = currency.Code, rate = Money.Format(Math.Round(currency.UsdPrice / baseCurrency.UsdPrice, 12)) };
            });
            return Json.Ok(rates.ToList());
        });
    }

    /// <summary>
    /// The sources disagree on how <c>assets</c> is sent (SOURCES §5.5): repeated keys (S2), comma-joined (S3),
    /// or a JSON-looking array (S4). All three are read.
    /// </summary>
    private static List<string> Assets(HttpRequest r)
    {
        var codes = r.Query["assets"]
            .SelectMany(v => (v ?? "").Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(code => code.Trim('"', ' '))
            .Where(code => code.Length > 0)
            .ToList();
        return codes.Count > 0 ? codes : throw Problem.Validation("'assets' is required.");
    }
}
