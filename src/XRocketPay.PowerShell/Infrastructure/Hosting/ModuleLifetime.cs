using System.IO;
using System.Runtime.InteropServices;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// Runs when the module is imported and removed: checks the host and, on Windows PowerShell 5.1 only,
/// hooks <see cref="AppDomain.AssemblyResolve"/> for the privately shipped dependencies. On PowerShell 7.4+
/// the runtime's own System.Text.Json serves the module, so nothing is hooked there.
/// </summary>
public sealed class ModuleLifetime : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    internal static readonly Version MinimumCoreRuntime = new(8, 0);

    private static DesktopDependencyResolver? s_resolver;

    public void OnImport()
    {
        if (IsNetFramework)
        {
            var moduleDirectory = Path.GetDirectoryName(typeof(ModuleLifetime).Assembly.Location)!;
            s_resolver = new DesktopDependencyResolver(
                Path.Combine(moduleDirectory, "dependencies"),
                DesktopDependencyResolver.ShippedAssemblies);
            AppDomain.CurrentDomain.AssemblyResolve += s_resolver.Resolve;
            return;
        }

        if (Environment.Version < MinimumCoreRuntime)
        {
            throw new PlatformNotSupportedException(
                "XRocketPay needs Windows PowerShell 5.1 or PowerShell 7.4 or later (.NET 8+). " +
                $"This is .NET {Environment.Version}: update PowerShell (https://aka.ms/powershell).");
        }
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        if (s_resolver is not null)
        {
            AppDomain.CurrentDomain.AssemblyResolve -= s_resolver.Resolve;
            s_resolver = null;
        }
    }

    private static bool IsNetFramework =>
        RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);
}
