using System.Collections;
using System.Management.Automation.Language;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>Completes asset codes from the currencies call (cached per connection), or a static list offline.</summary>
public sealed class AssetCompleter : IArgumentCompleter
{
    internal static readonly string[] Fallback = { "TONCOIN", "USDT", "BTC", "ETH", "TRX", "SOL", "BNB", "NOT" };

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Completions.Matching(Currencies.Load()?.Select(c => c.Code) ?? Fallback, wordToComplete);
}
