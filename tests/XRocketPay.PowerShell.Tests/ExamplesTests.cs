using System.Management.Automation.Language;
using XRocketPay.PowerShell.Tests.Hosting;

namespace XRocketPay.PowerShell.Tests;

/// <summary>The examples and scripts users run must not rot.</summary>
public sealed class ExamplesTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public ExamplesTests(SandboxFixture sandbox) => _sandbox = sandbox;

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
    public void Quickstart_runs_against_the_sandbox()
    {
        _sandbox.Reset();
        using var session = PowerShellSession.Create();
        var result = session.Run("& $Script -BaseUri $Uri", ("Script", TestPaths.InRepo("examples", "quickstart.ps1")), ("Uri", _sandbox.BaseUrl));
        result.AssertNoErrors();
        Assert.Contains("Balances afterwards:", result.Output.Select(o => o.ToString()));
        Assert.Matches(@"Sent\s+87209764\s+1.23\s+TONCOIN", result.HostText);
        Assert.Equal(10_000m + 2.5m - 1.23m, _sandbox.Balance("TONCOIN"));
        Assert.Equal(10_000m, _sandbox.Balance("USDT"));
    }

    [Fact]
    public void The_sample_csv_has_the_columns_the_cmdlets_bind()
    {
        var header = File.ReadLines(TestPaths.InRepo("examples", "payouts.csv")).First();
        Assert.Equal("user_id,amount,asset,description", header);
    }
}
