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

/// <summary>Completes network codes from the currencies call (cached per connection), or a static list offline.</summary>
public sealed class NetworkCompleter : IArgumentCompleter
{
    internal static readonly string[] Fallback = { "TON", "BSC", "ETH", "BTC", "TRX", "SOL" };

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Completions.Matching(Currencies.Load()?.SelectMany(c => c.Networks).Select(n => n.Code) ?? Fallback, wordToComplete);
}

internal static class Completions
{
    internal static IEnumerable<CompletionResult> Matching(IEnumerable<string> values, string word) =>
        values.Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(v => v.StartsWith(word ?? "", StringComparison.OrdinalIgnoreCase))
            .OrderBy(v => v, StringComparer.OrdinalIgnoreCase)
            .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v));
}

internal static class Currencies
{
    /// <summary>The connection's currencies, fetched once with a short timeout; null when unavailable.</summary>
    internal static IReadOnlyList<Currency>? Load()
    {
        var connection = ConnectionStore.Current;
        if (connection is null)
        {
            return null;
        }

        if (connection.Currencies is null)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                connection.Currencies = connection.Client.GetCurrenciesAsync(null, timeout.Token).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is Client.XRocketException or OperationCanceledException)
            {
                return null;
            }
        }

        return connection.Currencies;
    }
}
