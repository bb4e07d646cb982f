using System.Collections;
using System.Management.Automation.Language;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>Completes Get-XRocketRate -Base: the fiat currencies (USD first is not implied: sorted like every list).</summary>
public sealed class BaseCurrencyCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Completions.Matching(CompletionCatalog.Codes("fiat", null), wordToComplete);
}
