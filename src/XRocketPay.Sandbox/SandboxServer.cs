using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace XRocketPay.Sandbox;

/// <summary>
/// The sandbox host. The command line uses it, and so do tests, in-process:
/// <c>await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions());</c>
/// </summary>
public sealed class SandboxServer : IAsyncDisposable, IDisposable
{
    private readonly WebApplication _app;

    private SandboxServer(WebApplication app, Uri baseUri, string token)
    {
        _app = app;
        BaseUri = baseUri;
        Token = token;
    }

    /// <summary>The bound address, with a trailing slash (the real port when 0 was asked for).</summary>
    public Uri BaseUri { get; }

    /// <summary>The first accepted token.</summary>
    public string Token { get; }

    public static async Task<SandboxServer> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default, bool consoleLogging = false)
    {
        options ??= new SandboxOptions();
        if (options.Tokens.Count == 0)
        {
            throw new ArgumentException("The sandbox needs at least one token.", nameof(options));
        }

        foreach (var url in options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!options.AllowNonLoopback && !Loopback.IsUrl(url))
            {
                throw new ArgumentException($"Refusing to bind '{url}': the sandbox binds to loopback only unless told otherwise (--allow-remote).");
            }
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SandboxServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.ClearProviders();
        if (consoleLogging)
        {
            // The host's own start-up failure is reported by the caller in one line, not as a logged stack trace.
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning)
                .AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        }

        var contract = new ApiContract(options.Dialect, options.Shape);
        var webhooks = new WebhookDispatcher(contract);
        var state = new SandboxState(options, webhooks);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(webhooks);
        builder.Services.AddSingleton<FaultBook>();
        builder.Services.AddSingleton<RequestLog>();
        builder.Services.AddSingleton<RateLimiter>();
        builder.Services.AddSingleton(contract);

        var app = builder.Build();
        app.UseMiddleware<ApiPipeline>();
        var routes = new ApiRoutes(app, state);
        ApiRoutes.MapAll(routes);
        AdminEndpoints.Map(app, routes, app.Services.GetRequiredService<FaultBook>(), app.Services.GetRequiredService<RequestLog>(),
            app.Services.GetRequiredService<RateLimiter>(), webhooks);

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseUri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        return new SandboxServer(app, baseUri, options.Tokens[0]);
    }

    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
