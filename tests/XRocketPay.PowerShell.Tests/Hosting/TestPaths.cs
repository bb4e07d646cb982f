using System.Reflection;

namespace XRocketPay.PowerShell.Tests.Hosting;

/// <summary>Paths baked in by the build (see the csproj), never hard-coded machine paths.</summary>
internal static class TestPaths
{
    public static string ModuleDirectory { get; } = Metadata("ModuleStagingDir");
    public static string ModuleManifest { get; } = Path.Combine(ModuleDirectory, "XRocketPay.psd1");
    public static string RepoRoot { get; } = Metadata("RepoRoot");

    public static string InRepo(params string[] parts) => Path.Combine(new[] { RepoRoot }.Concat(parts).ToArray());

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing.");
}
