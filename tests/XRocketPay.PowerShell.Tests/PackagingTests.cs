using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using XRocketPay.PowerShell.Tests.Hosting;

namespace XRocketPay.PowerShell.Tests;

/// <summary>The staged module as users get it: manifest, shipped files, views, and the 5.1 dependency resolver.</summary>
public sealed class PackagingTests : IClassFixture<SandboxFixture>
{
    private static readonly string[] ModuleFiles = { "XRocketPay.psd1", "XRocketPay.Format.ps1xml", "XRocketPay.PowerShell.dll", "XRocketPay.Client.dll" };

    private readonly SandboxFixture _sandbox;

    public PackagingTests(SandboxFixture sandbox) => _sandbox = sandbox;

    [Fact]
    public void Manifest_version_equals_the_build_version_and_the_manifest_is_valid()
    {
        var props = File.ReadAllText(TestPaths.InRepo("Directory.Build.props"));
        var version = Regex.Match(props, "<Version>([^<]+)</Version>").Groups[1].Value;
        using var session = PowerShellSession.Create(importModule: false);
        var manifest = session.Run("Test-ModuleManifest -Path $p", ("p", TestPaths.ModuleManifest));
        manifest.AssertNoErrors();
        var info = manifest.Single<PSModuleInfo>();
        Assert.Equal(version, info.Version.ToString(3));
        Assert.Equal(new[] { "Core", "Desktop" }, info.CompatiblePSEditions.OrderBy(e => e));
        Assert.Empty(info.ExportedFunctions);
        Assert.Empty(info.ExportedAliases);
        var assemblyVersion = session.Run("Import-Module $p; (Get-Module XRocketPay).ImplementingAssembly.GetName().Version.ToString(3)").Single<string>();
        Assert.Equal(version, assemblyVersion);
    }

    [Fact]
    public void The_root_manifest_is_valid_where_it_stands()
    {
        // The manifest at the root names its views beside it: Test-ModuleManifest (and the analyzer) read it there.
        using var session = PowerShellSession.Create(importModule: false);
        var manifest = session.Run("Test-ModuleManifest -Path $p", ("p", TestPaths.InRepo("XRocketPay.psd1")));
        manifest.AssertNoErrors();
        Assert.Equal("XRocketPay", manifest.Single<PSModuleInfo>().Name);
    }

    [Fact]
    public void The_staged_folder_holds_exactly_the_allow_list_and_never_SMA()
    {
        var root = Directory.GetFiles(TestPaths.ModuleDirectory).Select(Path.GetFileName).OrderBy(f => f);
        Assert.Equal(ModuleFiles.OrderBy(f => f), root.Where(f => f is not null)!);
        var dependencies = Directory.GetFiles(Path.Combine(TestPaths.ModuleDirectory, "dependencies")).Select(f => Path.GetFileNameWithoutExtension(f)).OrderBy(f => f);
        Assert.Equal(ResolverShippedNames().OrderBy(n => n), dependencies);
        Assert.Empty(Directory.GetFiles(TestPaths.ModuleDirectory, "System.Management.Automation.dll", SearchOption.AllDirectories));
    }

    [Fact]
    public void The_desktop_resolver_answers_only_allow_listed_names_from_the_dependencies_folder()
    {
        var resolverType = ModuleAssembly().GetType("XRocketPay.PowerShell.Infrastructure.DesktopDependencyResolver", throwOnError: true)!;
        var folder = Path.Combine(TestPaths.ModuleDirectory, "dependencies");
        var resolver = Activator.CreateInstance(resolverType, BindingFlags.Instance | BindingFlags.NonPublic, null, new object[] { folder, ResolverShippedNames() }, null)!;
        var findPath = resolverType.GetMethod("FindPath", BindingFlags.Instance | BindingFlags.NonPublic)!;
        Assert.Equal(Path.Combine(folder, "System.Text.Json.dll"), findPath.Invoke(resolver, new object[] { "System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51" }));
        Assert.Equal(Path.Combine(folder, "Microsoft.Bcl.AsyncInterfaces.dll"), findPath.Invoke(resolver, new object[] { "Microsoft.Bcl.AsyncInterfaces" }));
        Assert.Null(findPath.Invoke(resolver, new object[] { "Newtonsoft.Json, Version=13.0.0.0" }));
        Assert.Null(findPath.Invoke(resolver, new object[] { "XRocketPay.Client" }));

        var resolve = resolverType.GetMethod("Resolve", BindingFlags.Instance | BindingFlags.NonPublic)!;
        var loaded = (Assembly?)resolve.Invoke(resolver, new object?[] { null, new ResolveEventArgs("Microsoft.Bcl.AsyncInterfaces, Version=8.0.0.0") });
        Assert.Equal("Microsoft.Bcl.AsyncInterfaces", loaded!.GetName().Name);
        Assert.Null(resolve.Invoke(resolver, new object?[] { null, new ResolveEventArgs("Some.Other.Module.Dependency") }));
    }

    [Fact]
    public void Every_output_type_has_a_view()
    {
        var viewed = XDocument.Load(Path.Combine(TestPaths.ModuleDirectory, "XRocketPay.Format.ps1xml"))
            .Descendants("TypeName").Select(t => t.Value).ToHashSet();
        using var session = PowerShellSession.Create();
        var outputTypes = session.Run("Get-Command -Module XRocketPay | ForEach-Object { $_.OutputType } | ForEach-Object { $_.Name }").All<string>()
            .Where(t => t is not "System.Boolean")
            .Distinct().ToList();
        Assert.NotEmpty(outputTypes);
        Assert.All(outputTypes, type => Assert.Contains(type, viewed));
    }

    [Fact]
    public void Tables_show_every_digit_of_money_in_any_culture()
    {
        _sandbox.Reset();
        using var session = Connected.Session(_sandbox);
        var result = session.Run(@"
[System.Globalization.CultureInfo]::CurrentCulture = [System.Globalization.CultureInfo]::GetCultureInfo('de-DE')
New-XRocketTransfer -TelegramUserId 55 -Amount 1.123456789 -Asset TONCOIN -Confirm:$false | Out-Host
Get-XRocketTransfer | Out-Host
Get-XRocketBalance -Asset TONCOIN | Out-Host");
        result.AssertNoErrors();
        Assert.Contains("1.123456789", result.HostText);
        Assert.Contains("9998.876543211", result.HostText);
        Assert.DoesNotContain("1,12", result.HostText);
        Assert.Matches(@"Outcome\s+TelegramUserId\s+Amount\s+Asset", result.HostText);
    }

    private static Assembly ModuleAssembly()
    {
        using var session = PowerShellSession.Create();
        return session.Run("(Get-Module XRocketPay).ImplementingAssembly").Single<Assembly>();
    }

    private static string[] ResolverShippedNames()
    {
        var field = ModuleAssembly().GetType("XRocketPay.PowerShell.Infrastructure.DesktopDependencyResolver", true)!
            .GetField("ShippedAssemblies", BindingFlags.Static | BindingFlags.NonPublic)!;
        return ((IEnumerable<string>)field.GetValue(null)!).ToArray();
    }
}
