using System.Management.Automation.Language;
using XRocketPay.PowerShell.Tests.Hosting;
using XRocketPay.TestSupport;

namespace XRocketPay.PowerShell.Tests;

/// <summary>
/// The Pester suite's admin surface (the <c>SandboxAdmin</c> class in tests/pester/TestSupport.ps1, which must
/// also run under Windows PowerShell 5.1) mirrors the one every xunit suite uses: each member it has is a
/// member of <see cref="SandboxAdmin"/> by the same name, so the two never name one endpoint two ways.
/// </summary>
public sealed class SandboxAdminMirrorTests
{
    [Fact]
    public void The_Pester_admin_surface_names_only_members_of_SandboxAdmin()
    {
        var script = Parser.ParseFile(TestPaths.InRepo("tests", "pester", "TestSupport.ps1"), out _, out var errors);
        Assert.Empty(errors);
        var mirror = (TypeDefinitionAst)script.Find(a => a is TypeDefinitionAst { Name: nameof(SandboxAdmin) }, searchNestedScriptBlocks: false);
        var members = mirror.Members
            .Where(m => m switch { PropertyMemberAst p => !p.IsHidden, FunctionMemberAst f => !f.IsHidden && !f.IsConstructor, _ => false })
            .Select(m => m.Name).ToList();
        Assert.Contains("Requests", members);
        var known = typeof(SandboxAdmin).GetMembers().Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        Assert.All(members, name => Assert.Contains(name, known));
    }
}
