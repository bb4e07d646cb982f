using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace XRocketPay.Client.Tests;

/// <summary>The core's layout: every type in a file of its own name; a resource's small types may share <c>Models/&lt;Resource&gt;.cs</c>.</summary>
public sealed class LayoutTests
{
    private static readonly Regex Declaration = new(
        @"^(?:(?:public|internal|sealed|static|abstract|partial|readonly)\s+)*(?:class|struct|enum|record|interface)\s+(?<name>\w+)",
        RegexOptions.Multiline);

    [Fact]
    public void Every_type_is_in_a_file_of_its_own_name_and_no_file_is_over_300_lines()
    {
        var source = Path.GetFullPath(Path.Combine(Here(), "..", "..", "src", "XRocketPay.Client"));
        var problems = new List<string>();
        foreach (var path in Directory.GetFiles(source, "*.cs", SearchOption.AllDirectories))
        {
            var file = Path.GetRelativePath(source, path).Replace('\\', '/');
            if (file.StartsWith("obj/", StringComparison.Ordinal) || file.StartsWith("bin/", StringComparison.Ordinal) || file == "GlobalUsings.cs")
            {
                continue;
            }

            var text = File.ReadAllText(path);
            var types = Declaration.Matches(text).Select(m => m.Groups["name"].Value).Distinct().ToList();
            var name = Path.GetFileNameWithoutExtension(file).Split('.')[0];
            var shared = file.StartsWith("Models/", StringComparison.Ordinal);
            if (!types.Contains(name) || (!shared && types.Count != 1))
            {
                problems.Add($"{file}: declares [{string.Join(", ", types)}]");
            }

            if (text.Split('\n').Length > 300)
            {
                problems.Add($"{file}: over 300 lines");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_root_holds_the_public_face_and_each_room_its_own_files()
    {
        var source = Path.GetFullPath(Path.Combine(Here(), "..", "..", "src", "XRocketPay.Client"));
        var rooms = new (string Folder, Regex Belongs)[]
        {
            ("Errors", new Regex(@"(Exception|Problem\w*)\.cs$")),
            ("Payouts", new Regex(@"(Payout\w*|Outcomes?|XRocketOutcome|MassTransfer\w*)\.cs$")),
            ("Creates", new Regex(@"(Settling|SameObject|TakenRows|XRocketCreateResult)\.cs$")),
            ("Webhooks", new Regex(@"Webhook\w*\.cs$")),
        };
        var misplaced = Directory.GetFiles(source, "*.cs").Select(Path.GetFileName)
            .SelectMany(f => rooms.Where(r => r.Belongs.IsMatch(f!)).Select(r => $"{f} belongs in {r.Folder}/"))
            .ToList();
        Assert.True(misplaced.Count == 0, string.Join("\n", misplaced));
    }

    private static string Here([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
