namespace XRocketPay.Sandbox;

/// <summary>The transfer family, in the dialect the sandbox serves (the other dialect's routes do not exist).</summary>
internal static class TransferEndpoints
{
    public static void Map(ApiRoutes routes)
    {
        var state = routes.State;
        var n = state.Naming;
        string[] fields = { "target", "targetType", "asset", "amount", n.ClientId, "description", "callback" };
        string[] lookup = { n.Id, n.ClientId };
        string[] rowFields = { "target", "targetType", "amount", n.ClientId, "description", "callback" };

        routes.Post(n.CollectionPath, ApiRoutes.None, fields, async r => Json.Ok(state.CreateTransfer(await RequestBody.ReadAsync(r)).ToJson(n), 201));
        routes.Get(n.CollectionPath, Paging.DateQuery, r => Paging.Page(r, Paging.DateFilter(r, state.Transfers()), t => t.ToJson(n)));
        routes.Get(n.SinglePath, lookup, r => Json.Ok(state.GetTransfer(ApiRoutes.Query(r, n.Id), ApiRoutes.Query(r, n.ClientId)).ToJson(n)));
        routes.Post(n.MassPath, ApiRoutes.None, new[] { "asset", n.MassKey }.Concat(rowFields.Select(f => n.MassKey + "[]." + f)).ToArray(), async r =>
        {
            var (successes, errors) = state.CreateMassTransfers(await RequestBody.ReadAsync(r));
            return Json.Ok(new Dictionary<string, object> { [n.SuccessKey] = successes, [n.ErrorKey] = errors }, 201);
        });
    }
}
