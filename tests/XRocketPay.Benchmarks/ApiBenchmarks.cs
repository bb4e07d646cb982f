using BenchmarkDotNet.Attributes;
using XRocketPay.Client;
using XRocketPay.Sandbox;

namespace XRocketPay.Benchmarks;

/// <summary>
/// An in-process sandbox on loopback, the raw baseline and two cores: one with default options, and one
/// with the options Connect-XRocket sets (a trace callback with bodies on). Each benchmark is one call.
/// </summary>
public abstract class ApiBenchmarks
{
    private SandboxServer? _sandbox;

    internal RawApi Raw { get; private set; } = null!;
    internal XRocketClient Core { get; private set; } = null!;
    internal XRocketClient ModuleCore { get; private set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        _sandbox = SandboxServer.StartAsync(new SandboxOptions { RateLimitPerMinute = null, MaxMassTransferRows = 1000 }).GetAwaiter().GetResult();
        Raw = new RawApi(_sandbox.BaseUri, _sandbox.Token);
        Core = new XRocketClient(new XRocketClientOptions { BaseUri = _sandbox.BaseUri, Token = new XRocketApiToken(_sandbox.Token) });
        ModuleCore = new XRocketClient(ModuleOptions(_sandbox.BaseUri, _sandbox.Token));
        Seed();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Raw.Dispose();
        _sandbox?.Dispose();
    }

    protected virtual void Seed()
    {
    }

    /// <summary>What ConnectXRocketCommand.EndProcessing builds (defaults: -TimeoutSec 30, -MaxRetries 3, no proxy).</summary>
    internal static XRocketClientOptions ModuleOptions(Uri baseUri, string token) => new()
    {
        Environment = XRocketEnvironment.Sandbox,
        BaseUri = baseUri,
        Token = new XRocketApiToken(token),
        Timeout = TimeSpan.FromSeconds(30),
        Retry = { MaxAttempts = 4 },
        UserAgentComment = "+PowerShell/7.6.9",
        // The module traces only for a cmdlet call whose Verbose/Debug preference reads it (HttpTrace.Detail):
        // without -Verbose/-Debug the core is asked, says None, and does no trace work.
        Trace = static trace => GC.KeepAlive(trace),
        TraceDetail = static () => XRocketTraceDetail.None,
    };
}

/// <summary>GET /api/v1/balances: the smallest authenticated call.</summary>
public class BalanceBenchmarks : ApiBenchmarks
{
    [Benchmark(Baseline = true)]
    public async Task<int> Raw_HttpClient_SystemTextJson() => (await Raw.GetBalancesAsync().ConfigureAwait(false)).Balances.Count;

    [Benchmark]
    public async Task<int> Core_DefaultOptions() => (await Core.GetBalancesAsync().ConfigureAwait(false)).Count;

    [Benchmark]
    public async Task<int> Core_ConnectXRocketOptions() => (await ModuleCore.GetBalancesAsync().ConfigureAwait(false)).Count;
}

/// <summary>GET /api/v1/transfers?limit=1000: one full page of 1,000 transfers.</summary>
public class ListPageBenchmarks : ApiBenchmarks
{
    internal const int PageSize = 1000;

    protected override void Seed()
    {
        var rows = string.Join(",", Enumerable.Range(1, PageSize).Select(i =>
            $"{{\"target\":\"{100000 + i}\",\"targetType\":\"telegram_user_id\",\"amount\":\"0.001\",\"clientTransferId\":\"bench-{i}\",\"description\":\"benchmark row {i}\"}}"));
        Raw.PostAsync("api/v1/mass-transfers", "{\"asset\":\"TONCOIN\",\"transfers\":[" + rows + "]}").GetAwaiter().GetResult();

        var raw = Raw.GetTransferPageAsync(PageSize).GetAwaiter().GetResult().Items.Count;
        var core = Core.ListTransfersPageAsync(new() { PageSize = PageSize }).GetAwaiter().GetResult().Items.Count;
        if (raw != PageSize || core != PageSize)
        {
            throw new InvalidOperationException($"The seeded page holds {raw} items raw and {core} through the core; expected {PageSize}.");
        }
    }

    [Benchmark(Baseline = true)]
    public async Task<int> Raw_HttpClient_SystemTextJson() => (await Raw.GetTransferPageAsync(PageSize).ConfigureAwait(false)).Items.Count;

    [Benchmark]
    public async Task<int> Core_DefaultOptions() => (await Core.ListTransfersPageAsync(new() { PageSize = PageSize }).ConfigureAwait(false)).Items.Count;

    [Benchmark]
    public async Task<int> Core_ConnectXRocketOptions() => (await ModuleCore.ListTransfersPageAsync(new() { PageSize = PageSize }).ConfigureAwait(false)).Items.Count;
}
