using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using XRocketPay.Client.Models;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>Completes asset codes from the currencies call (cached per connection), or a static list offline.</summary>
public sealed class AssetCompleter : IArgumentCompleter
{
    internal static readonly string[] Fallback = { "TONCOIN", "USDT", "BTC", "ETH", "TRX", "SOL", "BNB", "NOT" };

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Completions.Matching(Currencies.Load()?.Select(c => c.Code) ?? Fallback, wordToComplete);
}
