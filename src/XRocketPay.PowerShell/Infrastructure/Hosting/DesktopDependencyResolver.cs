using System.IO;
using System.Reflection;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// Resolves the module's private dependencies (System.Text.Json and friends) from its
/// <c>dependencies</c> folder on Windows PowerShell 5.1, where the runtime does not carry them.
/// Only the allow-listed names are answered, so other modules' copies are never hijacked.
/// Plain .NET on purpose: it is unit-tested directly.
/// </summary>
internal sealed class DesktopDependencyResolver
{
    /// <summary>The assemblies shipped in <c>dependencies/</c>; must match the csproj allow-list.</summary>
    internal static readonly IReadOnlyCollection<string> ShippedAssemblies = new[]
    {
        "System.Text.Json",
        "Microsoft.Bcl.AsyncInterfaces",
        "System.Text.Encodings.Web",
        "System.Buffers",
        "System.Memory",
        "System.Numerics.Vectors",
        "System.Runtime.CompilerServices.Unsafe",
        "System.Threading.Tasks.Extensions",
    };

    private readonly string _directory;
    private readonly HashSet<string> _names;

    internal DesktopDependencyResolver(string directory, IEnumerable<string> assemblyNames)
    {
        _directory = directory;
        _names = new HashSet<string>(assemblyNames, StringComparer.OrdinalIgnoreCase);
    }

    internal string? FindPath(string requestedAssemblyName)
    {
        var name = new AssemblyName(requestedAssemblyName).Name;
        if (name is null || !_names.Contains(name))
        {
            return null;
        }

        var path = Path.Combine(_directory, name + ".dll");
        return File.Exists(path) ? path : null;
    }

    internal Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        var path = FindPath(args.Name);
        return path is null ? null : Assembly.LoadFrom(path);
    }
}
