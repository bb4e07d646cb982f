using System.Management.Automation;
using System.Text.RegularExpressions;
using XRocketPay.PowerShell.Tests.Hosting;

namespace XRocketPay.PowerShell.Tests;

/// <summary>Every exported cmdlet has a platyPS page that documents every parameter and has examples.</summary>
public sealed class DocumentationTests : IDisposable
{
    private readonly PowerShellSession _session = PowerShellSession.Create();

    public void Dispose() => _session.Dispose();

    [Fact]
    public void Every_cmdlet_has_a_page_with_every_parameter_and_at_least_two_examples()
    {
        var cmdlets = _session.Run("Get-Command -Module XRocketPay -CommandType Cmdlet").All<CmdletInfo>().ToList();
        Assert.NotEmpty(cmdlets);
        var problems = new List<string>();
        foreach (var cmdlet in cmdlets)
        {
            var page = TestPaths.InRepo("docs", "en-US", cmdlet.Name + ".md");
            if (!File.Exists(page))
            {
                problems.Add($"{cmdlet.Name}: no docs/en-US page");
                continue;
            }

            var text = File.ReadAllText(page);
            if (!text.Contains("Module Name: XRocketPay", StringComparison.Ordinal))
            {
                problems.Add($"{cmdlet.Name}: page header does not name the module");
            }

            var synopsis = Regex.Match(text, @"## SYNOPSIS\s+(?<s>[^\r\n#][^\r\n]*)");
            if (!synopsis.Success || synopsis.Groups["s"].Value.Contains("{{", StringComparison.Ordinal))
            {
                problems.Add($"{cmdlet.Name}: no synopsis");
            }

            var examples = Regex.Matches(text, @"^### Example \d+", RegexOptions.Multiline).Count;
            if (examples < 2)
            {
                problems.Add($"{cmdlet.Name}: {examples} example(s)");
            }

            foreach (var parameter in cmdlet.Parameters.Keys.Where(p => !IsCommon(p)))
            {
                if (!Regex.IsMatch(text, $@"^### -{Regex.Escape(parameter)}\s*$", RegexOptions.Multiline))
                {
                    problems.Add($"{cmdlet.Name}: -{parameter} not documented");
                }
            }

            if (text.Contains("{{ Fill", StringComparison.Ordinal))
            {
                problems.Add($"{cmdlet.Name}: unfilled platyPS placeholder");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void About_topics_exist()
    {
        var topics = new[] { "about_XRocketPay", "about_XRocketPay_Automation", "about_XRocketPay_Testing" }
            .Concat(Directory.GetFiles(TestPaths.InRepo("docs", "en-US"), "about_*.md").Select(Path.GetFileNameWithoutExtension))
            .Distinct();
        foreach (var topic in topics.Select(t => t!))
        {
            var path = TestPaths.InRepo("docs", "en-US", topic + ".md");
            Assert.True(File.Exists(path), path);
            var lines = File.ReadAllLines(path);
            // platyPS 0.14.2 about topics: "# Name", then "## about_Name" (the help system's lookup name).
            Assert.Equal("# " + topic["about_".Length..], lines[0]);
            Assert.Contains("## " + topic, lines);
            Assert.Contains("# SHORT DESCRIPTION", lines);
            Assert.Contains("# LONG DESCRIPTION", lines);
        }
    }

    private static bool IsCommon(string name) =>
        Cmdlet.CommonParameters.Contains(name) || Cmdlet.OptionalCommonParameters.Contains(name);
}
