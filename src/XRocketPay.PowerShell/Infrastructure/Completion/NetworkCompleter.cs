using System.Collections;
using System.Management.Automation.Language;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>Completes network codes, narrowed to the -Asset already given; live when connected, the sandbox catalogue when not.</summary>
public sealed class NetworkCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Completions.Matching(CompletionCatalog.Networks(CompletionCatalog.Bound(fakeBoundParameters, "Asset", "Currency", "PayCurrency")), wordToComplete);
}
