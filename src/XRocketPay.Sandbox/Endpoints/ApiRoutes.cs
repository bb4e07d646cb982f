namespace XRocketPay.Sandbox;

/// <summary>One route the sandbox serves, with the query names and body fields it reads (<c>key[].field</c> for rows).</summary>
internal sealed record ApiRoute(string Method, string Path, IReadOnlyList<string> Query, IReadOnlyList<string> Body)
{
    /// <summary>False for routes outside the v1 contract (the contract itself at /api/docs-json).</summary>
    public bool Documented { get; init; } = true;

    public object ToJson() => new { method = Method, path = Path, query = Query, body = Body };
}

/// <summary>
/// The sandbox's route table: every v1 route is declared here with its query names and body fields, so
/// that the request reader refuses fields the route does not know and /sandbox/routes can be held to the
/// contract by a test. Written independently of the client's route table on purpose.
/// </summary>
internal sealed class ApiRoutes
{
    public static readonly string[] None = System.Array.Empty<string>();
    private readonly WebApplication _app;
    private readonly List<ApiRoute> _routes = new();

    public ApiRoutes(WebApplication app, SandboxState state)
    {
        _app = app;
        State = state;
    }

    public SandboxState State { get; }

    public IReadOnlyList<ApiRoute> All => _routes;

    public static void MapAll(ApiRoutes routes)
    {
        SystemEndpoints.Map(routes);
        TransferEndpoints.Map(routes);
        ChequeEndpoints.Map(routes);
        InvoiceEndpoints.Map(routes);
        WithdrawalEndpoints.Map(routes);
    }

    public void Get(string path, string[] query, Func<HttpRequest, IResult> handler, bool documented = true) =>
        Add(new ApiRoute("GET", path, query, None) { Documented = documented }, handler);

    public void Delete(string path, string[] query, Func<HttpRequest, IResult> handler) => Add(new ApiRoute("DELETE", path, query, None), handler);

    public void Post(string path, string[] query, string[] body, Func<HttpRequest, Task<IResult>> handler) => Add(new ApiRoute("POST", path, query, body), handler);

    public void Put(string path, string[] query, string[] body, Func<HttpRequest, Task<IResult>> handler) => Add(new ApiRoute("PUT", path, query, body), handler);

    private void Add(ApiRoute route, Delegate handler)
    {
        _routes.Add(route);
        _app.MapMethods(route.Path, new[] { route.Method }, handler).WithMetadata(route);
    }

    /// <summary>A query value; empty counts as absent. Repeated keys are joined with commas.</summary>
    public static string? Query(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && !string.IsNullOrEmpty(values.ToString()) ? values.ToString() : null;

    /// <summary>The route a request matched, or null when it matched none of the table (the framework's 404 then).</summary>
    public static ApiRoute? Of(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<ApiRoute>();
}
