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
    public void Every_money_parameter_goes_through_the_strict_parser()
    {
        var moneyNames = new[] { "Amount", "MinPayment" };
        var checkedCount = 0;
        foreach (var cmdlet in _cmdlets)
        {
            foreach (var property in cmdlet.ImplementingType.GetProperties())
            {
                var isParameter = property.GetCustomAttributes<ParameterAttribute>().Any();
                var isMoneyType = property.PropertyType.Name == "AmountArgument";
                if (!isParameter || !(isMoneyType || moneyNames.Contains(property.Name)))
                {
                    continue;
                }

                checkedCount++;
                Assert.True(isMoneyType, $"{cmdlet.Name} -{property.Name} must be an AmountArgument");
                Assert.Contains(property.GetCustomAttributes(), a => a.GetType().Name == "MoneyTransformationAttribute");
            }
        }

        Assert.True(checkedCount >= 8, $"expected the money parameters of the money cmdlets, found {checkedCount}");
    }

    [Fact]
    public void Every_cmdlet_takes_a_Connection_except_the_offline_ones()
    {
        var offline = new HashSet<string> { "Connect-XRocket", "Disconnect-XRocket", "Get-XRocketConnection", "Test-XRocketWebhookSignature", "ConvertFrom-XRocketWebhook" };
        foreach (var cmdlet in _cmdlets.Where(c => !offline.Contains(c.Name)))
        {
            Assert.True(cmdlet.Parameters.ContainsKey("Connection"), $"{cmdlet.Name} has no -Connection");
        }
    }
}
