namespace XRocketPay.Sandbox;

/// <summary>The test-control surface under /sandbox/: never part of the real API.</summary>
internal static class AdminEndpoints
{
    public static void Map(WebApplication app, ApiRoutes routes, FaultBook faults, RequestLog log, RateLimiter rateLimiter, WebhookDispatcher webhooks)
    {
        var state = routes.State;
        app.MapPost("/sandbox/reset", () =>
        {
            state.Reset();
            faults.Clear();
            log.Clear();
            rateLimiter.Clear();
            webhooks.Clear();
            return Results.NoContent();
        });

        app.MapGet("/sandbox/routes", () => Json.Ok(new { dialect = state.Naming.Collection, items = routes.All.Where(r => r.Documented).Select(r => r.ToJson()) }));
        app.MapGet("/sandbox/ledger", () => Json.Ok(new { assets = state.LedgerJson() }));

        app.MapGet("/sandbox/requests", () => Json.Ok(new { items = log.Items }));
        app.MapDelete("/sandbox/requests", () =>
        {
            log.Clear();
            return Results.NoContent();
        });

        app.MapPost("/sandbox/faults", async (HttpRequest r) => Json.Ok(new { id = faults.Add(await RequestBody.ReadAsync(r)).Id }, 201));
        app.MapGet("/sandbox/faults", () => Json.Ok(new { items = faults.Pending() }));
        app.MapDelete("/sandbox/faults", () =>
        {
            faults.Clear();
            return Results.NoContent();
        });

        app.MapGet("/sandbox/config", () => Json.Ok(state.Config.ToJson()));
        app.MapPut("/sandbox/config", async (HttpRequest r) =>
        {
            state.Config.Apply(await RequestBody.ReadAsync(r));
            return Json.Ok(state.Config.ToJson());
        });

        app.MapPost("/sandbox/cheques/redeem", (HttpRequest r) =>
            Json.Ok(state.RedeemCheque(ApiRoutes.Query(r, "chequeId"), ApiRoutes.Query(r, "clientChequeId")).ToJson()));
        app.MapPost("/sandbox/withdrawals/complete", (HttpRequest r) =>
            Json.Ok(state.SettleWithdrawal(ApiRoutes.Query(r, "withdrawalId"), ApiRoutes.Query(r, "clientWithdrawalId"), fail: false).ToJson()));
        app.MapPost("/sandbox/withdrawals/fail", (HttpRequest r) =>
            Json.Ok(state.SettleWithdrawal(ApiRoutes.Query(r, "withdrawalId"), ApiRoutes.Query(r, "clientWithdrawalId"), fail: true).ToJson()));
        app.MapPost("/sandbox/invoices/expire", (HttpRequest r) =>
            Json.Ok(state.ExpireInvoice(ApiRoutes.Query(r, "invoiceId"), ApiRoutes.Query(r, "clientInvoiceId")).ToJson()));

        app.MapPost("/sandbox/webhook-sink", async (HttpRequest r) =>
        {
            using var reader = new StreamReader(r.Body);
            webhooks.Receive(r.Headers, await reader.ReadToEndAsync());
            return Results.Ok();
        });
        app.MapGet("/sandbox/webhook-sink", () => Json.Ok(new { items = webhooks.Received }));
        app.MapGet("/sandbox/webhooks", () => Json.Ok(new { items = webhooks.Deliveries }));
    }
}
