using System.Text.RegularExpressions;
using XRocketPay.PowerShell.Tests.Hosting;

namespace XRocketPay.PowerShell.Tests;

/// <summary>
/// The repository's own documents are true: every path CONTRIBUTING names exists, every citation of the
/// evidence resolves to a section of <c>docs/api/SOURCES.md</c>, and the help pages say what the code does.
/// </summary>
public sealed class RepositoryDocumentTests
{
    private static readonly string[] TextEndings = { ".cs", ".md", ".json", ".ps1", ".psm1", ".psd1", ".ps1xml", ".csproj", ".props" };

    /// <summary>A section citation: <c>§5.13</c>, or a range <c>§5.18–5.21</c>.</summary>
    private static readonly Regex Citation = new(@"§(?<from>\d+(?:\.\d+)?)(?:[–-](?<to>\d+(?:\.\d+)?))?");

    /// <summary>A backticked repository path: a name with a slash or a file ending, no placeholders.</summary>
    private static readonly Regex QuotedPath = new(@"`(?<path>\.?[A-Za-z0-9_][A-Za-z0-9_./-]*)`");

    [Fact]
    public void Every_evidence_citation_in_code_and_docs_resolves_to_a_section_of_SOURCES()
    {
        var sources = File.ReadAllText(TestPaths.InRepo("docs", "api", "SOURCES.md"));
        var sections = Regex.Matches(sources, @"^#{2,3} (?<n>\d+(?:\.\d+)?)[. ]", RegexOptions.Multiline).Select(m => m.Groups["n"].Value).ToHashSet();
        Assert.Contains("5.26", sections);
        var problems = new List<string>();
        var cited = 0;
        foreach (var file in RepositoryTextFiles().Where(f => !f.EndsWith("SOURCES.md", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var name = Path.GetRelativePath(TestPaths.RepoRoot, file);
            if (text.Contains("EVID" + "ENCE", StringComparison.Ordinal))
            {
                problems.Add($"{name}: cites the research notes outside the repository; cite SOURCES §n");
            }

            foreach (Match match in Citation.Matches(text))
            {
                cited++;
                foreach (var section in new[] { match.Groups["from"].Value, match.Groups["to"].Value }.Where(s => s.Length > 0 && !sections.Contains(s)))
                {
                    problems.Add($"{name}: §{section} is not a section of docs/api/SOURCES.md");
                }
            }
        }

        Assert.True(cited >= 100, $"{cited} citations found");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_path_CONTRIBUTING_names_exists()
    {
        var contributing = File.ReadAllText(TestPaths.InRepo("CONTRIBUTING.md"));
        var named = QuotedPath.Matches(contributing).Select(m => m.Groups["path"].Value)
            .Concat(Regex.Matches(contributing, @"\]\((?<path>[^)#:]+)\)").Select(m => m.Groups["path"].Value))
            .Where(p => (p.Contains('/') || TextEndings.Any(e => p.EndsWith(e, StringComparison.Ordinal))) && !p.StartsWith("out/", StringComparison.Ordinal) && !p.StartsWith("api/v1", StringComparison.Ordinal))
            .Distinct().ToList();
        Assert.True(named.Count >= 30, $"{named.Count} paths found");
        var missing = named.Where(p => !File.Exists(TestPaths.InRepo(p)) && !Directory.Exists(TestPaths.InRepo(p))).ToList();
        Assert.True(missing.Count == 0, "CONTRIBUTING.md names paths that do not exist:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_where_things_live_row_answers_with_one_existing_file()
    {
        var contributing = File.ReadAllLines(TestPaths.InRepo("CONTRIBUTING.md"));
        var start = Array.FindIndex(contributing, l => l.StartsWith("## Where things live", StringComparison.Ordinal));
        var rows = contributing.Skip(start + 3).TakeWhile(l => l.StartsWith('|')).ToList();
        Assert.True(rows.Count >= 15, $"{rows.Count} rows");
        foreach (var row in rows)
        {
            var answer = row.Split('|')[2];
            var first = QuotedPath.Match(answer);
            Assert.True(first.Success && File.Exists(TestPaths.InRepo(first.Groups["path"].Value)), $"the row does not start its answer with an existing file: {row}");

            // The names given right after the file (up to the first ';', ':' or another path) are held by it.
            var text = File.ReadAllText(TestPaths.InRepo(first.Groups["path"].Value));
            var named = answer[(first.Index + first.Length)..];
            named = named[..new[] { named.IndexOf(';'), named.IndexOf(':'), named.IndexOf("`src/", StringComparison.Ordinal), named.IndexOf("`tests/", StringComparison.Ordinal), named.Length }.Where(i => i >= 0).Min()];
            foreach (var name in Regex.Matches(named, @"`(?<name>[A-Za-z_][A-Za-z0-9_.]*)`").Select(m => m.Groups["name"].Value.Split('.')[^1]))
            {
                Assert.True(text.Contains(name, StringComparison.Ordinal), $"{first.Groups["path"].Value} does not hold {name}, which its row names: {row}");
            }
        }
    }

    [Fact]
    public void Every_exported_cmdlet_has_a_where_is_the_test_row_naming_files_that_test_it()
    {
        var manifest = File.ReadAllText(TestPaths.InRepo("XRocketPay.psd1"));
        var exported = Regex.Matches(Regex.Match(manifest, @"CmdletsToExport\s*=\s*@\((?<list>[^)]*)\)").Groups["list"].Value, "'(?<name>[^']+)'")
            .Select(m => m.Groups["name"].Value).ToList();
        var contributing = File.ReadAllLines(TestPaths.InRepo("CONTRIBUTING.md"));
        var start = Array.FindIndex(contributing, l => l.StartsWith("### Where is the test of a cmdlet?", StringComparison.Ordinal));
        Assert.True(start >= 0, "CONTRIBUTING.md has no 'Where is the test of a cmdlet?' table");
        var rows = contributing.Skip(start + 1).SkipWhile(l => !l.StartsWith('|')).Skip(2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Split('|')).ToDictionary(cells => cells[1].Trim().Trim('`'), cells => cells.Skip(2).ToList());
        Assert.Empty(exported.Except(rows.Keys));
        Assert.Empty(rows.Keys.Except(exported));
        foreach (var (cmdlet, cells) in rows)
        {
            foreach (var path in cells.SelectMany(c => QuotedPath.Matches(c)).Select(m => m.Groups["path"].Value))
            {
                Assert.True(File.Exists(TestPaths.InRepo(path)) && File.ReadAllText(TestPaths.InRepo(path)).Contains(cmdlet, StringComparison.Ordinal),
                    $"{path}, named as a test of {cmdlet}, does not exist or does not name it");
            }
        }
    }

    [Fact]
    public void Every_help_page_that_names_InvalidAmount_for_an_amount_says_an_empty_one_is_MissingParameter()
    {
        var pages = Directory.GetFiles(TestPaths.InRepo("docs", "en-US"), "*.md");
        var checkedPages = 0;
        foreach (var page in pages)
        {
            foreach (Match section in Regex.Matches(File.ReadAllText(page), @"^### -(?:Amount|MinPayment)\s*$(?<text>.*?)^```yaml", RegexOptions.Multiline | RegexOptions.Singleline))
            {
                var text = section.Groups["text"].Value;
                if (text.Contains("InvalidAmount", StringComparison.Ordinal))
                {
                    checkedPages++;
                    Assert.True(text.Contains("MissingParameter", StringComparison.Ordinal) && !Regex.IsMatch(text, @"empty[^.;]*InvalidAmount"),
                        $"{Path.GetFileName(page)}: an empty amount is MissingParameter, not InvalidAmount");
                }
            }
        }

        Assert.True(checkedPages >= 5, $"{checkedPages} amount sections name InvalidAmount");
    }

    private static IEnumerable<string> RepositoryTextFiles()
    {
        var skipped = new[] { "bin", "obj", "out", "TestResults", ".git", "node_modules" };
        foreach (var top in new[] { "src", "docs", "tests", "examples", "tools" }.Select(d => TestPaths.InRepo(d)).Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(top, "*", SearchOption.AllDirectories))
            {
                var parts = Path.GetRelativePath(TestPaths.RepoRoot, file).Split(Path.DirectorySeparatorChar);
                if (!parts.Any(p => skipped.Contains(p)) && TextEndings.Contains(Path.GetExtension(file)))
                {
                    yield return file;
                }
            }
        }

        foreach (var file in Directory.GetFiles(TestPaths.RepoRoot, "*.md"))
        {
            yield return file;
        }
    }
}
