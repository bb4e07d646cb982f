using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using XRocketPay.PowerShell.Tests.Hosting;

namespace XRocketPay.PowerShell.Tests;

/// <summary>
/// "Wholesome" tests: the conventions every cmdlet keeps, checked by reflection over the staged module,
/// so a new cmdlet cannot forget one.
/// </summary>
public sealed class ConventionTests : IDisposable
{
    /// <summary>The ConfirmImpact of every state-changing cmdlet (the cmdlets issue's table).</summary>
    private static readonly Dictionary<string, ConfirmImpact> StateChanging = new()
    {
        ["New-XRocketCheque"] = ConfirmImpact.Medium,
        ["Set-XRocketCheque"] = ConfirmImpact.Medium,
        ["Remove-XRocketCheque"] = ConfirmImpact.Medium,
        ["New-XRocketTransfer"] = ConfirmImpact.High,
        ["New-XRocketMassTransfer"] = ConfirmImpact.High,
        ["New-XRocketInvoice"] = ConfirmImpact.Low,
        ["New-XRocketInvoicePaymentAddress"] = ConfirmImpact.Low,
        ["Remove-XRocketInvoice"] = ConfirmImpact.Medium,
        ["Invoke-XRocketInvoicePayment"] = ConfirmImpact.Medium,
        ["Invoke-XRocketWithdrawal"] = ConfirmImpact.High,
        ["New-XRocketWithdrawalLink"] = ConfirmImpact.Medium,
    };

    /// <summary>Cmdlets that write nothing to the output stream by design.</summary>
    private static readonly HashSet<string> NoOutput = new() { "Disconnect-XRocket", "Remove-XRocketCheque", "Remove-XRocketInvoice" };

    private static readonly string[] StateChangingVerbs = { "New", "Set", "Remove", "Invoke", "Send" };

    private readonly PowerShellSession _session = PowerShellSession.Create();
    private readonly IReadOnlyList<CmdletInfo> _cmdlets;

    public ConventionTests()
    {
        _cmdlets = _session.Run("Get-Command -Module XRocketPay -CommandType Cmdlet").All<CmdletInfo>().ToList();
    }

    public void Dispose() => _session.Dispose();

    public static TheoryData<string> ExpectedCmdlets()
    {
        var data = new TheoryData<string>();
        foreach (var name in ManifestCmdlets())
        {
            data.Add(name);
        }

        return data;
    }

    private static IReadOnlyList<string> ManifestCmdlets()
    {
        var manifest = File.ReadAllText(TestPaths.InRepo("XRocketPay.psd1"));
        var block = Regex.Match(manifest, @"CmdletsToExport\s*=\s*@\((?<list>[^)]*)\)").Groups["list"].Value;
        return Regex.Matches(block, @"'([^']+)'").Select(m => m.Groups[1].Value).ToList();
    }

    [Fact]
    public void Manifest_exports_exactly_the_compiled_cmdlets()
    {
        var assembly = _cmdlets.First().ImplementingType.Assembly;
        var compiledNames = assembly.GetTypes()
            .Select(t => t.GetCustomAttribute<CmdletAttribute>())
            .Where(a => a is not null)
            .Select(a => $"{a!.VerbName}-{a.NounName}")
            .OrderBy(n => n).ToList();
        Assert.Equal(ManifestCmdlets().OrderBy(n => n), compiledNames);
        Assert.Equal(compiledNames, _cmdlets.Select(c => c.Name).OrderBy(n => n));
    }

    [Fact]
    public void State_changing_cmdlets_support_ShouldProcess_with_the_agreed_ConfirmImpact()
    {
        foreach (var cmdlet in _cmdlets)
        {
            var attribute = cmdlet.ImplementingType.GetCustomAttribute<CmdletAttribute>()!;
            if (StateChangingVerbs.Contains(cmdlet.Verb))
            {
                Assert.True(attribute.SupportsShouldProcess, $"{cmdlet.Name} must support ShouldProcess");
                Assert.True(StateChanging.ContainsKey(cmdlet.Name), $"{cmdlet.Name} is missing from the ConfirmImpact table");
            }

            if (StateChanging.TryGetValue(cmdlet.Name, out var impact))
            {
                Assert.True(attribute.SupportsShouldProcess, $"{cmdlet.Name} must support ShouldProcess");
                Assert.Equal(impact, attribute.ConfirmImpact);
            }
        }
    }

    [Fact]
    public void Every_cmdlet_that_writes_output_declares_OutputType()
    {
        foreach (var cmdlet in _cmdlets.Where(c => !NoOutput.Contains(c.Name)))
        {
            Assert.True(cmdlet.ImplementingType.GetCustomAttributes<OutputTypeAttribute>().Any(), $"{cmdlet.Name} has no [OutputType]");
        }
    }

    [Fact]
    public void Every_confirmation_goes_through_the_base_cmdlet()
    {
        // Confirmed(...) refuses clearly where the host cannot ask (issue 25 item 3); ShouldProcess itself would not.
        var direct = Directory.GetFiles(TestPaths.InRepo("src/XRocketPay.PowerShell"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.EndsWith("XRocketCmdletBase.cs", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("ShouldProcess(", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(direct);
    }

    [Fact]
    public void Every_money_parameter_uses_the_strict_money_transformation()
    {
        var moneyNames = new[] { "Amount", "MinPayment" };
        var checkedCount = 0;
        foreach (var cmdlet in _cmdlets)
        {
            foreach (var property in cmdlet.ImplementingType.GetProperties())
            {
                var isParameter = property.GetCustomAttributes<ParameterAttribute>().Any();
                var isMoneyType = property.PropertyType.FullName == "XRocketPay.Client.XRocketAmount";
                if (!isParameter || !(isMoneyType || moneyNames.Contains(property.Name)))
                {
                    continue;
                }

                checkedCount++;
                Assert.True(isMoneyType, $"{cmdlet.Name} -{property.Name} must be the core's XRocketAmount");
                Assert.Contains(property.GetCustomAttributes(), a => a.GetType().Name == "MoneyTransformationAttribute");
            }
        }

        Assert.True(checkedCount >= 8, $"expected the money parameters of the money cmdlets, found {checkedCount}");
    }

    [Fact]
    public void Every_cmdlet_takes_a_Connection_except_the_offline_ones()
    {
        var offline = new HashSet<string> { "Connect-XRocket", "Disconnect-XRocket", "Get-XRocketConnection", "Test-XRocketWebhookSignature", "ConvertFrom-XRocketWebhook", "Receive-XRocketWebhook" };
        foreach (var cmdlet in _cmdlets.Where(c => !offline.Contains(c.Name)))
        {
            Assert.True(cmdlet.Parameters.ContainsKey("Connection"), $"{cmdlet.Name} has no -Connection");
        }
    }

    [Fact]
    public void Every_cmdlet_class_is_alone_in_a_file_of_its_name_under_Commands()
    {
        var source = TestPaths.InRepo("src", "XRocketPay.PowerShell");
        var files = Directory.GetFiles(source, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(source, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("bin/", StringComparison.Ordinal))
            .ToDictionary(f => f, f => Declarations.Matches(File.ReadAllText(Path.Combine(source, f))).Select(m => m.Groups["name"].Value).ToList());
        var cmdletTypes = _cmdlets.First().ImplementingType.Assembly.GetTypes().Where(t => t.GetCustomAttribute<CmdletAttribute>() is not null).ToList();
        Assert.Equal(ManifestCmdlets().Count, cmdletTypes.Count);
        var problems = new List<string>();
        foreach (var type in cmdletTypes)
        {
            var homes = files.Where(f => f.Value.Contains(type.Name)).Select(f => f.Key).ToList();
            if (homes.Count != 1 || !Regex.IsMatch(homes[0], $@"^Commands/[A-Za-z]+/{type.Name}\.cs$") || files[homes[0]].Count != 1)
            {
                problems.Add($"{type.Name}: declared in [{string.Join(", ", homes)}] with [{string.Join(", ", homes.SelectMany(h => files[h]))}]");
            }

            if (type.Namespace is not { } ns || !ns.StartsWith("XRocketPay.PowerShell.Commands.", StringComparison.Ordinal))
            {
                problems.Add($"{type.Name}: namespace {type.Namespace} is outside Commands");
            }
        }

        foreach (var (file, _) in files.Where(f => !f.Key.StartsWith("Commands/", StringComparison.Ordinal)))
        {
            if (File.ReadAllText(Path.Combine(source, file)).Contains("[Cmdlet(", StringComparison.Ordinal))
            {
                problems.Add($"{file}: a [Cmdlet] outside Commands/");
            }
        }

        foreach (var (file, types) in files.Where(f => f.Key.StartsWith("Commands/", StringComparison.Ordinal)))
        {
            if (types.Count != 1 || !cmdletTypes.Any(t => t.Name == types[0]))
            {
                problems.Add($"{file}: Commands/ holds only cmdlets, one a file, but it declares [{string.Join(", ", types)}]");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Shared_machinery_lives_in_a_folder_of_what_it_serves()
    {
        var loose = Directory.GetFiles(TestPaths.InRepo("src", "XRocketPay.PowerShell", "Infrastructure"), "*.cs").Select(Path.GetFileName).ToList();
        Assert.True(loose.Count == 0, "Infrastructure/ holds only folders (Cmdlets, Connection, Input, Errors, Completion, Hosting, Webhooks; CONTRIBUTING's layout): " + string.Join(", ", loose));
    }

    [Fact]
    public void Every_error_id_the_module_raises_is_used_from_its_one_type()
    {
        var ids = _cmdlets.First().ImplementingType.Assembly.GetType("XRocketPay.PowerShell.Infrastructure.ModuleErrorIds", throwOnError: true)!
            .GetFields(BindingFlags.Static | BindingFlags.NonPublic).Where(f => f.IsLiteral).ToList();
        Assert.True(ids.Count >= 15, $"ModuleErrorIds holds {ids.Count} ids");
        var contributing = File.ReadAllText(TestPaths.InRepo("CONTRIBUTING.md"));
        var problems = ids.Where(f => (string)f.GetRawConstantValue()! != f.Name).Select(f => $"ModuleErrorIds.{f.Name} is not \"{f.Name}\"")
            .Concat(ids.Where(f => !contributing.Contains($"`{f.Name}`", StringComparison.Ordinal)).Select(f => $"{f.Name}: not listed under CONTRIBUTING's \"Error ids\""))
            .ToList();

        // An id written anywhere else: a string literal or a constant where an ErrorRecord is made.
        var source = TestPaths.InRepo("src", "XRocketPay.PowerShell");
        foreach (var file in Directory.GetFiles(source, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var name = Path.GetRelativePath(source, file);
            problems.AddRange(LiteralErrorIds.Matches(text).Select(m => $"{name}: error id {m.Groups["id"].Value} written in place"));
            if (!name.EndsWith("ModuleErrorIds.cs", StringComparison.Ordinal))
            {
                problems.AddRange(Regex.Matches(text, @"const string (?<name>\w+) = ""[A-Z][A-Za-z]+"";").Where(m => ids.Any(f => f.Name == m.Groups["name"].Value))
                    .Select(m => $"{name}: a second home for {m.Groups["name"].Value}"));
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>An ErrorRecord or ErrorRecords.Input given a string for its id.</summary>
    private static readonly Regex LiteralErrorIds = new(@"(?:new ErrorRecord\([^;]*?,\s*|ErrorRecords\.Input\(\s*)(?<id>""[^""]*"")", RegexOptions.Singleline);

    private static readonly Regex Declarations = new(
        @"^\s*(?:\[[^\]]*\]\s*)*(?:(?:public|internal|private|protected|sealed|static|abstract|partial|readonly)\s+)*(?:class|struct|enum|record|interface)\s+(?<name>\w+)",
        RegexOptions.Multiline);

    /// <summary>Issue 19: no outcome is chosen in the module; it names an outcome only to compare with it.</summary>
    [Fact]
    public void The_module_names_an_outcome_only_in_a_comparison_or_nameof()
    {
        var source = TestPaths.InRepo("src", "XRocketPay.PowerShell");
        var named = new Regex(@"(?<before>.{0,12})XRocketOutcome\.(Sent|AlreadyDone|Failed|Unknown)\b");
        var compared = new Regex(@"(==|!=|\bis|nameof\()\s*$");
        var chosen = Directory.GetFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .SelectMany(f => named.Matches(File.ReadAllText(f)).Where(m => !compared.IsMatch(m.Groups["before"].Value)).Select(m => $"{Path.GetFileName(f)}: {m.Value}"))
            .ToList();
        Assert.Empty(chosen);
    }
}
