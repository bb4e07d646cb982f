namespace XRocketPay.Sandbox;

internal static class ChequeEndpoints
{
    public static void Map(ApiRoutes routes)
    {
        var state = routes.State;
        string[] lookup = { "chequeId", "clientChequeId" };
        string[] fields = { "asset", "amount", "clientChequeId", "password", "description", "callback", "url", "targetType", "target" };

        routes.Post("/api/v1/cheques", ApiRoutes.None, fields, async r => Json.Ok(state.CreateCheque(await RequestBody.ReadAsync(r)).ToJson(), 201));
        routes.Get("/api/v1/cheques", Paging.DateQuery.Concat(new[] { "targetType", "target", "state" }).ToArray(), r =>
        {
            var wanted = ApiRoutes.Query(r, "state");
            if (wanted is not null && !ChequeStates.All.Contains(wanted))
            {
                throw Problem.Validation($"'state' must be one of {string.Join(", ", ChequeStates.All)}.");
            }

            var cheques = Paging.DateFilter(r, state.Cheques()).Where(c =>
                Paging.Matches(wanted, c.State) && Paging.Matches(ApiRoutes.Query(r, "target"), c.Target) && Paging.Matches(ApiRoutes.Query(r, "targetType"), c.TargetType));
            return Paging.Page(r, cheques, c => c.ToJson());
        });
        routes.Get("/api/v1/cheque", lookup, r => Json.Ok(state.GetCheque(ApiRoutes.Query(r, "chequeId"), ApiRoutes.Query(r, "clientChequeId")).ToJson()));
        routes.Put("/api/v1/cheques", lookup, new[] { "description" }, async r =>
            Json.Ok(state.UpdateCheque(ApiRoutes.Query(r, "chequeId"), ApiRoutes.Query(r, "clientChequeId"), await RequestBody.ReadAsync(r)).ToJson()));
        routes.Delete("/api/v1/cheques", lookup, r =>
        {
            state.DeleteCheque(ApiRoutes.Query(r, "chequeId"), ApiRoutes.Query(r, "clientChequeId"));
            return Json.Deleted();
        });
    }
}
