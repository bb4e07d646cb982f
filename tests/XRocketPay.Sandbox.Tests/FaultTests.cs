using System.Net;

namespace XRocketPay.Sandbox.Tests;

/// <summary>Issue 14: the faults the client's matrix needs, in both dialects.</summary>
public sealed class FaultTests : IClassFixture<SandboxPair>
{
    private readonly SandboxPair _sandboxes;

    public FaultTests(SandboxPair sandboxes) => _sandboxes = sandboxes;

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Redirect_answers_307_to_another_loopback_host_without_executing(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        var path = "/" + api.Names.Collection;
        Assert.Equal(HttpStatusCode.Created, (await api.Post("sandbox/faults", new { path, mode = "redirect", location = "http://127.0.0.2:5999" })).Status);
        using var noFollow = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = api.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Post, api.Names.Collection + "?x=1")
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(api.Transfer("3", "r-1")), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", SandboxDefaults.Token);
        using var response = await noFollow.SendAsync(request);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(new Uri("http://127.0.0.2:5999" + path + "?x=1"), response.Headers.Location);
        Assert.Equal(10_000m, api.Balance("TONCOIN"));
        Assert.Equal(api.Names.NotFound, (await api.GetTransferByClientId("r-1")).Code);

        Assert.Equal("validation_error", (await api.Post("sandbox/faults", new { path, mode = "redirect", location = "https://example.com" })).Code);
        Assert.Equal("validation_error", (await api.Post("sandbox/faults", new { path, mode = "redirect", location = "http://127.0.0.1:1", status = 200 })).Code);
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task A_429_carries_Retry_After_only_when_asked(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        api.AddFault(new { path = "/api/v1/balances", mode = "status", status = 429 });
        api.AddFault(new { path = "/api/v1/app-info", mode = "status", status = 429, retryAfterSeconds = 0 });
        api.AddFault(new { path = "/" + api.Names.Collection, mode = "status", status = 429, retryAfterSeconds = 2 });
        foreach (var bare in new[] { await api.Get("api/v1/balances"), await api.Get("api/v1/app-info") })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, bare.Status);
            Assert.Equal("rate_limit_exceeded", bare.Code);
            Assert.Null(bare.Response.Headers.RetryAfter);
        }

        var told = await api.PostTransfer("1", "429-1");
        Assert.Equal(TimeSpan.FromSeconds(2), told.Response.Headers.RetryAfter!.Delta);
        Assert.Equal(10_000m, api.Balance("TONCOIN"));
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task Echo_answers_the_resources_shape_with_the_Authorization_header_in_a_money_field(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        api.AddFault(new { path = "/" + api.Names.Collection, method = "POST", mode = "echo" });
        var echoed = await api.PostTransfer("4", "e-1");
        Assert.Equal(HttpStatusCode.OK, echoed.Status);
        Assert.Equal("Bearer " + SandboxDefaults.Token, echoed.S("amount"));
        Assert.True(echoed.Has(api.Names.Id));
        Assert.Equal(10_000m, api.Balance("TONCOIN"));

        api.AddFault(new { path = "/api/v1/balances", mode = "echo" });
        var balances = await api.Get("api/v1/balances");
        Assert.Equal("Bearer " + SandboxDefaults.Token, balances.Body.GetProperty("balances")[0].GetProperty("balance").GetString());
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task A_fault_waits_until_a_request_takes_it_and_clearing_drops_the_rest(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        api.AddFault(new { path = "/api/v1/balances", mode = "status", status = 503 });
        api.AddFault(new { path = "/api/v1/app-info", mode = "status", status = 503 });
        Assert.Equal(2, api.Faults().Count);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await api.Get("api/v1/balances")).Status);
        Assert.Single(api.Faults());
        api.ClearFaults();
        Assert.Empty(api.Faults());
        Assert.Equal(HttpStatusCode.OK, (await api.Get("api/v1/app-info")).Status);
    }

    [Theory, ClassData(typeof(BothDialects))]
    public async Task After_commit_on_a_refused_request_keeps_the_problem_body(SandboxDialect dialect)
    {
        var api = _sandboxes.Fresh(dialect);
        await api.PostTransfer("5", "ac-dup");
        api.AddFault(new { path = "/" + api.Names.Collection, mode = "after-commit", status = 500 });
        var repeat = await api.PostTransfer("5", "ac-dup");
        Assert.Equal(HttpStatusCode.BadRequest, repeat.Status);
        Assert.Equal(api.Names.Duplicate, repeat.Code);
        Assert.Equal("application/problem+json", repeat.Response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(10_000m - 5m, api.Balance("TONCOIN"));
    }

    [Fact]
    public void Defaults_are_named_constants()
    {
        Assert.Equal("sandbox-token", SandboxDefaults.Token);
        Assert.Equal(5080, SandboxDefaults.Port);
        Assert.EndsWith(":" + SandboxDefaults.Port, SandboxDefaults.Url, StringComparison.Ordinal);
        Assert.Equal(SandboxDefaults.Token, new SandboxOptions().Tokens.Single());
        Assert.Equal(500, new SandboxOptions().MaxMassTransferRows);
        Assert.Equal(SandboxDialect.Transfers, new SandboxOptions().Dialect);
    }
}
