using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace XRocketPay.Benchmarks;

/// <summary>
/// Runs the C# rows of the issue-15 table and writes them as JSON rows for ./build.ps1 -Task Bench.
/// Usage: XRocketPay.Benchmarks [--out rows.json] [--artifacts folder] [--iterations N]
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var output = Path.GetFullPath(Option(args, "--out") ?? "out/bench/csharp.json");
        var artifacts = Path.GetFullPath(Option(args, "--artifacts") ?? Path.Combine(Path.GetDirectoryName(output)!, "BenchmarkDotNet"));
        var iterations = int.Parse(Option(args, "--iterations") ?? "15", CultureInfo.InvariantCulture);

        // Short job, in process (no generated project to build): a few warm-ups, a few measured iterations.
        var job = Job.ShortRun
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(3)
            .WithIterationCount(iterations)
            .WithId("Short");
        var config = DefaultConfig.Instance
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithArtifactsPath(artifacts);

        var summaries = BenchmarkRunner.Run(new[] { typeof(BalanceBenchmarks), typeof(ListPageBenchmarks) }, config);
        var reports = summaries.SelectMany(s => s.Reports).ToList();

        var rows = new List<Row>
        {
            Compare(reports, nameof(BalanceBenchmarks), nameof(BalanceBenchmarks.Core_DefaultOptions),
                "core GET balances vs raw `HttpClient` + System.Text.Json", 1.05),
            Compare(reports, nameof(BalanceBenchmarks), nameof(BalanceBenchmarks.Core_ConnectXRocketOptions),
                "the same with the options `Connect-XRocket` sets (trace callback, bodies on)", 1.05),
            Compare(reports, nameof(ListPageBenchmarks), nameof(ListPageBenchmarks.Core_ConnectXRocketOptions),
                "one 1,000-item list page through the core, as the module configures it, vs raw", 1.10),
            Compare(reports, nameof(ListPageBenchmarks), nameof(ListPageBenchmarks.Core_DefaultOptions),
                "one 1,000-item list page through the core, default options (no trace), vs raw", 1.10),
        };

        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllText(output, JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Console.WriteLine($"C# rows written to {output}");
        return rows.Any(r => r.Measured == "(no result)") ? 1 : 0;
    }

    private static Row Compare(List<BenchmarkReport> reports, string type, string method, string measurement, double limit)
    {
        var subject = Find(reports, type, method);
        var baseline = Find(reports, type, "Raw_HttpClient_SystemTextJson");
        if (subject?.ResultStatistics is not { } s || baseline?.ResultStatistics is not { } b)
        {
            return new Row(measurement, "(no result)", "(no result)", "", $"≤ {limit:0.00}×", null, null);
        }

        var ratio = s.Median / b.Median;
        return new Row(
            measurement,
            $"{Micro(s.Median)}, {Kilo(subject)}",
            $"{Micro(b.Median)}, {Kilo(baseline)}",
            ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×",
            $"≤ {limit.ToString("0.00", CultureInfo.InvariantCulture)}×",
            ratio <= limit,
            null);
    }

    private static BenchmarkReport? Find(List<BenchmarkReport> reports, string type, string method) =>
        reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Type.Name == type && r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);

    private static string Micro(double nanoseconds) => (nanoseconds / 1000).ToString("0", CultureInfo.InvariantCulture) + " µs";

    private static string Kilo(BenchmarkReport report) =>
        report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) is { } bytes
            ? (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB/op"
            : "? KiB/op";

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}

/// <summary>One line of the table; build.ps1 reads these (the PowerShell rows have the same shape).</summary>
public sealed record Row(string Measurement, string Measured, string Baseline, string Ratio, string Target, bool? Met, string? Requests);
