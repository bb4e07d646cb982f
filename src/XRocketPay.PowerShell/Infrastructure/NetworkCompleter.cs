using System.Collections;
using System.Management.Automation.Language;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>Completes network codes from the currencies call (cached per connection), or a static list offline.</summary>
public sealed class NetworkCompleter : IArgumentCompleter
{
    internal static readonly string[] Fallback = { "TON", "BSC", "ETH", "BTC", "TRX", "SOL" };

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Completions.Matching(Currencies.Load()?.SelectMany(c => c.Networks).Select(n => n.Code) ?? Fallback, wordToComplete);
}
