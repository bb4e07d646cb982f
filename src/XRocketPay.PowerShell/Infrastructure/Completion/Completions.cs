namespace XRocketPay.PowerShell.Infrastructure;

internal static class Completions
{
    internal static IEnumerable<CompletionResult> Matching(IEnumerable<string> values, string word) =>
        values.Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(v => v.StartsWith((word ?? "").Trim('\'', '"'), StringComparison.OrdinalIgnoreCase))
            .OrderBy(v => v, StringComparer.OrdinalIgnoreCase)
            .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v));
}
