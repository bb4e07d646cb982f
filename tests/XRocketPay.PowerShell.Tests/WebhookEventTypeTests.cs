using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using XRocketPay.PowerShell.Tests.Hosting;

namespace XRocketPay.PowerShell.Tests;

/// <summary>
/// Webhook event types (issue 31 item 3) have one home, XRocketWebhookEventTypes in the core, held as
/// ModuleErrorIds is: no other file of either layer spells one, every one is typed by the module's event,
/// and the help of ConvertFrom-XRocketWebhook names every one.
/// </summary>
public sealed class WebhookEventTypeTests : IDisposable
{
    private readonly PowerShellSession _session = PowerShellSession.Create();

    public void Dispose() => _session.Dispose();

    private FieldInfo[] Types()
    {
        var module = _session.Run("Get-Command ConvertFrom-XRocketWebhook").All<CmdletInfo>().Single().ImplementingType.Assembly;
        var envelope = module.GetType("XRocketPay.PowerShell.XRocketWebhookEvent", throwOnError: true)!.GetProperty("Envelope")!.PropertyType;
        return envelope.Assembly.GetType("XRocketPay.Client.XRocketWebhookEventTypes", throwOnError: true)!
            .GetFields(BindingFlags.Static | BindingFlags.Public).Where(f => f.IsLiteral).ToArray();
    }

    [Fact]
    public void Every_event_type_is_named_once_in_its_home_and_nowhere_else()
    {
        var types = Types();
        Assert.True(types.Length >= 5, $"XRocketWebhookEventTypes holds {types.Length} types");
        var values = types.Select(f => (string)f.GetRawConstantValue()!).ToList();
        var problems = types.Where(f => (string)f.GetRawConstantValue()! != f.Name.ToLowerInvariant())
            .Select(f => $"XRocketWebhookEventTypes.{f.Name} is not \"{f.Name.ToLowerInvariant()}\"").ToList();

        var literal = new Regex("\"(?<type>" + string.Join("|", values.Select(Regex.Escape)) + ")\"");
        var homes = new[] { TestPaths.InRepo("src", "XRocketPay.Client", "Webhooks"), TestPaths.InRepo("src", "XRocketPay.PowerShell") };
        foreach (var file in homes.SelectMany(h => Directory.GetFiles(h, "*.cs", SearchOption.AllDirectories))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                         && !f.EndsWith("XRocketWebhookEventTypes.cs", StringComparison.Ordinal)))
        {
            problems.AddRange(literal.Matches(File.ReadAllText(file)).Select(m => $"{Path.GetFileName(file)}: event type {m.Value} written in place"));
        }

        var help = File.ReadAllText(TestPaths.InRepo("docs", "en-US", "ConvertFrom-XRocketWebhook.md"));
        problems.AddRange(values.Where(v => !help.Contains($"`{v}`", StringComparison.Ordinal)).Select(v => $"{v}: not named in ConvertFrom-XRocketWebhook's help"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_event_type_gets_typed_data_and_any_other_a_navigable_object()
    {
        foreach (var type in Types().Select(f => (string)f.GetRawConstantValue()!).Append("something_new"))
        {
            var data = _session.Run("(ConvertFrom-XRocketWebhook -Body $body).Data",
                ("body", "{\"id\":\"e\",\"type\":\"" + type + "\",\"data\":{}}")).Output.Single();
            if (type == "something_new")
            {
                Assert.IsType<PSCustomObject>(data.BaseObject);
            }
            else
            {
                Assert.False(data.BaseObject is PSCustomObject, $"{type}: Data is not typed");
            }
        }
    }
}
