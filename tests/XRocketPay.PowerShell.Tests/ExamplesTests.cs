using System.Management.Automation.Language;
using XRocketPay.PowerShell.Tests.Hosting;

namespace XRocketPay.PowerShell.Tests;

/// <summary>The examples and scripts users run must not rot.</summary>
/// <remarks>Running them end to end is the Pester suite's (tests/pester/Examples.Tests.ps1): real pwsh, as users run them.</remarks>
public sealed class ExamplesTests
{
    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        var files = new[] { "examples", "tools", Path.Combine("tests", "pester") }
            .SelectMany(folder => Directory.GetFiles(TestPaths.InRepo(folder), "*.ps*1"))
            .Append(TestPaths.InRepo("build.ps1"));
        foreach (var file in files.Where(f => f.EndsWith(".ps1", StringComparison.Ordinal) || f.EndsWith(".psm1", StringComparison.Ordinal)))
        {
            data.Add(Path.GetRelativePath(TestPaths.RepoRoot, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Every_script_parses(string relativePath)
    {
        Parser.ParseFile(TestPaths.InRepo(relativePath), out _, out var errors);
        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}")));
    }

    [Fact]
    public void The_sample_csv_has_the_columns_the_cmdlets_bind()
    {
        var header = File.ReadLines(TestPaths.InRepo("examples", "payouts.csv")).First();
        Assert.Equal("user_id,amount,asset,description", header);
    }
}
