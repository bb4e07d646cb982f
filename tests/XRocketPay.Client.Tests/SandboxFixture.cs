using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using XRocketPay.Sandbox;

namespace XRocketPay.Client.Tests;

/// <summary>
/// An in-process sandbox over loopback, its admin surface, and clients pointed at it. Every class that uses
/// one runs against both shapes in one run (<see cref="FullSandbox"/>, <see cref="EvidenceSandbox"/>: the
/// pairs in SandboxShapes.cs), so nothing in the client may depend on a field no public source shows.
/// </summary>
public abstract class SandboxFixture : IAsyncLifetime
{
    protected SandboxFixture(SandboxShape shape) => Shape = shape;

    public const string CanaryToken = "canary-7f3a9c2e-TOKEN";

    public SandboxServer Server { get; private set; } = null!;

    /// <summary>The shape this sandbox answers in (full, or the strict evidence shape).</summary>
    public SandboxShape Shape { get; }
    public HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new SandboxOptions { WithdrawalCompletionDelay = TimeSpan.FromMilliseconds(200), Shape = Shape };
        options.Tokens.Add(CanaryToken);
        Server = await SandboxServer.StartAsync(options);
        Admin = new HttpClient { BaseAddress = Server.BaseUri };
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await Server.DisposeAsync();
    }

    public XRocketClient Client(string? token = null, Action<XRocketClientOptions>? configure = null, ConcurrentQueue<XRocketTrace>? traces = null)
    {
        var options = new XRocketClientOptions
        {
            BaseUri = Server.BaseUri,
            Token = new XRocketApiToken(token ?? Server.Token),

            // This sandbox serves the transfers dialect; detection (Auto) has tests of its own (DialectTests).
            Dialect = XRocketApiDialect.Transfers,
            Timeout = TimeSpan.FromSeconds(10),
            Retry = new XRocketRetryPolicy { MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50), MaxRetryAfter = TimeSpan.FromMilliseconds(100) },
        };
        if (traces is not null)
        {
            options.Trace = traces.Enqueue;
        }

        configure?.Invoke(options);
        return new XRocketClient(options);
    }

    public async Task Reset() => (await Admin.PostAsync("sandbox/reset", null)).EnsureSuccessStatusCode();

    public async Task Fault(object fault)
    {
        var response = await Admin.PostAsync("sandbox/faults", new StringContent(JsonSerializer.Serialize(fault), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }

    public Task<decimal> Balance(string asset) => Ledger(asset, "balance");

    public Task<decimal> Holds(string asset) => Ledger(asset, "holds");

    private async Task<decimal> Ledger(string asset, string column)
    {
        using var doc = JsonDocument.Parse(await Admin.GetStringAsync("sandbox/ledger"));
        var row = doc.RootElement.GetProperty("assets").EnumerateArray().Single(a => a.GetProperty("asset").GetString() == asset);
        return decimal.Parse(row.GetProperty(column).GetString()!, CultureInfo.InvariantCulture);
    }

    /// <summary>Bodies of the requests the sandbox saw for a method and path, oldest first.</summary>
    public async Task<IReadOnlyList<string?>> RequestBodies(string method, string path)
    {
        using var doc = JsonDocument.Parse(await Admin.GetStringAsync("sandbox/requests"));
        return doc.RootElement.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("method").GetString() == method && i.GetProperty("path").GetString() == path)
            .Select(i => i.TryGetProperty("body", out var b) ? b.GetString() : null)
            .ToList();
    }

    public async Task<JsonElement> AdminPost(string relative)
    {
        var response = await Admin.PostAsync(relative, null);
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    public async Task<JsonElement> AdminGet(string relative)
    {
        using var doc = JsonDocument.Parse(await Admin.GetStringAsync(relative));
        return doc.RootElement.Clone();
    }
}
