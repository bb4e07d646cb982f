using System.Text;

namespace XRocketPay.Sandbox;

internal static class WithdrawalEndpoints
{
    public static void Map(ApiRoutes routes)
    {
        var state = routes.State;
        string[] fields = { "clientWithdrawalId", "network", "address", "asset", "amount", "comment", "callback" };

        routes.Post("/api/v1/withdrawals", ApiRoutes.None, fields, async r => Json.Ok(state.CreateWithdrawal(await RequestBody.ReadAsync(r)).ToJson(), 201));
        routes.Get("/api/v1/withdrawals", Paging.DateQuery.Append("status").ToArray(), r =>
            Paging.Page(r, Paging.DateFilter(r, state.Withdrawals()).Where(w => Paging.Matches(ApiRoutes.Query(r, "status"), w.Status)), w => w.ToJson()));
        routes.Get("/api/v1/withdrawal", new[] { "withdrawalId", "clientWithdrawalId" }, r =>
            Json.Ok(state.GetWithdrawal(ApiRoutes.Query(r, "withdrawalId"), ApiRoutes.Query(r, "clientWithdrawalId")).ToJson()));
        routes.Get("/api/v1/withdrawal-quotas", new[] { "network", "asset" }, r =>
        {
            var network = ApiRoutes.Query(r, "network") ?? throw Problem.Validation("'network' is required.");
            var asset = ApiRoutes.Query(r, "asset") ?? throw Problem.Validation("'asset' is required.");
            var quota = Catalog.QuotaFor(network, asset);
            return Json.Ok(new
            {
                withdrawMinSize = Money.Format(quota.MinSize), withdrawFee = Money.Format(quota.Fee),
                withdrawFeeAsset = quota.FeeAsset, precision = quota.Precision,
            });
        });
        routes.Post("/api/v1/withdrawal-link", ApiRoutes.None, new[] { "network", "address", "asset", "amount", "comment", "platform" }, async r =>
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
}
