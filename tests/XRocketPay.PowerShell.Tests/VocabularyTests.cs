using System.Globalization;
using System.Management.Automation;
using System.Reflection;
using System.Xml.Linq;
using XRocketPay.PowerShell.Tests.Hosting;

namespace XRocketPay.PowerShell.Tests;

/// <summary>
/// The one vocabulary (CONTRIBUTING.md, "One vocabulary"), held by reflection over the staged module: id
/// properties, -Status, *Sec, the recipient aliases, the positional order of the money cmdlets, and views
/// labelled with the property they show.
/// </summary>
public sealed class VocabularyTests : IDisposable
{
    private static readonly string[] RecipientAliases = { "UserId", "user_id", "tg_user_id", "Target", "TelegramId", "telegram_user_id" };

    private readonly PowerShellSession _session = PowerShellSession.Create();
    private readonly IReadOnlyList<CmdletInfo> _cmdlets;

    public VocabularyTests() =>
        _cmdlets = _session.Run("Get-Command -Module XRocketPay -CommandType Cmdlet").All<CmdletInfo>().ToList();

    public void Dispose() => _session.Dispose();

    private IEnumerable<Type> OutputTypes() =>
        _cmdlets.SelectMany(c => c.ImplementingType.GetCustomAttributes<OutputTypeAttribute>())
            .SelectMany(a => a.Type).Select(t => t.Type).Where(t => t is not null && t != typeof(bool)).Distinct()!;

    [Fact]
    public void Every_resource_names_its_id_ResourceId_and_every_reference_takes_Id_with_that_alias()
    {
        var resources = new[] { "Cheque", "Invoice", "Transfer", "Withdrawal" };
        foreach (var type in OutputTypes().Where(t => resources.Contains(t.Name)))
        {
            Assert.NotNull(type.GetProperty(type.Name + "Id"));
        }

        foreach (var cmdlet in _cmdlets.Where(c => c.Parameters.TryGetValue("Id", out var id) && id.ParameterSets.ContainsKey("ById")))
        {
            var noun = cmdlet.Noun["XRocket".Length..];
            var id = cmdlet.Parameters["Id"];
            Assert.True(id.Aliases.Contains(noun + "Id"), $"{cmdlet.Name} -Id has no alias {noun}Id");
        }
    }

    [Fact]
    public void Lists_filter_with_Status_seconds_end_in_Sec()
    {
        foreach (var cmdlet in _cmdlets)
        {
            // 0.1.0 is unreleased: no old name is kept as an alias (CHANGELOG).
            var names = cmdlet.Parameters.Values.SelectMany(p => p.Aliases.Append(p.Name)).ToList();
            Assert.False(names.Contains("State"), $"{cmdlet.Name}: filter with -Status");
            foreach (var name in names.Where(n => n.EndsWith("Seconds", StringComparison.Ordinal) || n.EndsWith("Timeout", StringComparison.Ordinal)))
            {
                Assert.Fail($"{cmdlet.Name} -{name}: durations in seconds end in Sec");
            }
        }

        Assert.Null(OutputTypes().Single(t => t.Name == "XRocketTransferResult").GetProperty("Status"));
    }

    [Fact]
    public void Every_TelegramUserId_parameter_takes_the_same_aliases_and_every_Asset_the_Currency_alias()
    {
        var seen = 0;
        foreach (var cmdlet in _cmdlets)
        {
            if (cmdlet.Parameters.TryGetValue("TelegramUserId", out var user))
            {
                seen++;
                Assert.Equal(RecipientAliases.OrderBy(a => a), user.Aliases.OrderBy(a => a));
            }

            if (cmdlet.Parameters.TryGetValue("Asset", out var asset))
            {
                Assert.True(asset.Aliases.Contains("Currency"), $"{cmdlet.Name} -Asset has no alias Currency");
            }
        }

        Assert.True(seen >= 4);
    }

    [Fact]
    public void Money_cmdlets_take_the_destination_first_then_Asset_then_Amount()
    {
        var money = _cmdlets.Where(c => c.Parameters.TryGetValue("Amount", out var a) && Position(a) >= 0 && c.Parameters.ContainsKey("Asset")).ToList();
        Assert.True(money.Count >= 5, string.Join(", ", money.Select(c => c.Name)));
        foreach (var cmdlet in money)
        {
            var asset = Position(cmdlet.Parameters["Asset"]);
            var amount = Position(cmdlet.Parameters["Amount"]);
            Assert.True(asset >= 0 && amount == asset + 1, $"{cmdlet.Name}: <Asset> <Amount> ({asset}, {amount})");
            foreach (var destination in new[] { "TelegramUserId", "Network", "Address" }.Where(cmdlet.Parameters.ContainsKey))
            {
                var position = Position(cmdlet.Parameters[destination]);
                if (position >= 0)
                {
                    Assert.True(position < asset, $"{cmdlet.Name}: -{destination} comes before -Asset");
                }
            }
        }
    }

    [Fact]
    public void Every_table_and_list_column_is_labelled_with_the_property_it_shows()
    {
        var formatFile = Directory.GetFiles(TestPaths.ModuleDirectory, "*.Format.ps1xml").Single();
        var types = OutputTypes().ToDictionary(t => t.FullName!);
        var problems = new List<string>();
        foreach (var view in XDocument.Load(formatFile).Descendants("View"))
        {
            var typeName = view.Element("ViewSelectedBy")!.Element("TypeName")!.Value;
            if (!types.TryGetValue(typeName, out var type))
            {
                continue;
            }

            var labels = view.Descendants("TableColumnHeader").Select(h => h.Element("Label")?.Value)
                .Concat(view.Descendants("ListItem").Select(i => i.Element("Label")?.Value ?? i.Element("PropertyName")?.Value));
            foreach (var label in labels.Where(l => l is not null))
            {
                if (type.GetProperty(label!) is null)
                {
                    problems.Add($"{view.Element("Name")!.Value}: '{label}' is not a property of {type.Name}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_cmdlet_that_takes_pipeline_input_answers_each_record_in_ProcessRecord()
    {
        foreach (var cmdlet in _cmdlets)
        {
            var piped = cmdlet.Parameters.Values.Any(p => p.Attributes.OfType<ParameterAttribute>().Any(a => a.ValueFromPipeline || a.ValueFromPipelineByPropertyName));
            var processRecord = cmdlet.ImplementingType.GetMethod("ProcessRecord", BindingFlags.Instance | BindingFlags.NonPublic)!;
            if (piped)
            {
                Assert.True(processRecord.DeclaringType != typeof(Cmdlet), $"{cmdlet.Name} takes pipeline input but reads it only in EndProcessing");
            }
        }
    }

    /// <summary>The audit's kinds of difference have one home, each constant its own name, each named in Get-XRocketJournal's help.</summary>
    [Fact]
    public void Every_audit_kind_is_declared_once_and_documented() =>
        AssertVocabulary("JournalDifferenceKinds", new[] { "DifferentAmount", "Missing", "PaidWithoutOutcome" }, "Get-XRocketJournal.md", "`{0}`");

    /// <summary>A -WhatIf plan's actions have one home, each constant its own name, each named where the plan is explained.</summary>
    [Fact]
    public void Every_plan_action_is_declared_once_and_documented() =>
        AssertVocabulary("PayoutPlanActions", new[] { "Conflict", "Reconcile", "Send", "Skip" }, "about_XRocketPay_Automation.md", "- {0}: ");

    /// <summary>
    /// A module vocabulary (an internal static class of string constants in PayoutRuns): exactly
    /// <paramref name="expected"/>, each constant's value its own name, each named in <paramref name="helpPage"/>
    /// in one of <paramref name="helpForms"/>, and none written as a literal anywhere else in the module.
    /// </summary>
    private void AssertVocabulary(string typeName, string[] expected, string helpPage, params string[] helpForms)
    {
        var words = _cmdlets.First().ImplementingType.Assembly.GetType($"XRocketPay.PowerShell.PayoutRuns.{typeName}", throwOnError: true)!
            .GetFields(BindingFlags.Static | BindingFlags.NonPublic).Where(f => f.IsLiteral).ToList();
        Assert.Equal(expected, words.Select(f => f.Name).OrderBy(n => n, StringComparer.Ordinal));
        var help = File.ReadAllText(TestPaths.InRepo("docs", "en-US", helpPage));
        var source = TestPaths.InRepo("src", "XRocketPay.PowerShell");
        var problems = words.Where(f => (string)f.GetRawConstantValue()! != f.Name).Select(f => $"{typeName}.{f.Name} is not \"{f.Name}\"")
            .Concat(words.Where(f => !helpForms.Any(form => help.Contains(string.Format(CultureInfo.InvariantCulture, form, f.Name), StringComparison.Ordinal))).Select(f => $"{f.Name}: not named in {helpPage}"))
            .ToList();
        foreach (var file in Directory.GetFiles(source, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            problems.AddRange(words.Where(f => text.Contains($"\"{f.Name}\"", StringComparison.Ordinal) && !text.Contains($"class {typeName}", StringComparison.Ordinal))
                .Select(f => $"{Path.GetRelativePath(source, file)}: {typeName}.{f.Name} written in place"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static int Position(ParameterMetadata parameter) =>
        parameter.ParameterSets.Values.Select(s => s.Position).Where(p => p >= 0).DefaultIfEmpty(-1).Min();
}
