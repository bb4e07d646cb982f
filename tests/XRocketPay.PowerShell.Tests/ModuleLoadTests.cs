using XRocketPay.PowerShell.Tests.Hosting;

namespace XRocketPay.PowerShell.Tests;

public class ModuleLoadTests
{
    [Fact]
    public void Staged_module_imports_from_out_folder_and_not_from_the_test_bin()
    {
        using var session = PowerShellSession.Create();
        var result = session.Run("(Get-Module XRocketPay).ModuleBase");
        result.AssertNoErrors();
        Assert.Equal(
            Path.GetFullPath(TestPaths.ModuleDirectory).TrimEnd('/'),
            Path.GetFullPath(result.Single<string>()).TrimEnd('/'));
    }

    [Fact]
    public void PowerShell_7_serves_System_Text_Json_from_the_runtime_not_the_shipped_copy()
    {
        using var session = PowerShellSession.Create();
        var result = session.Run("[System.Text.Json.JsonSerializer].Assembly.Location");
        result.AssertNoErrors();
        var location = result.Single<string>();
        Assert.DoesNotContain(Path.GetFullPath(TestPaths.ModuleDirectory), location);
        Assert.StartsWith(Path.GetDirectoryName(typeof(object).Assembly.Location)!, location);
    }
}
