using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using XRocketPay.Client.Models;

namespace XRocketPay.PowerShell.Infrastructure;

internal static class Completions
{
    internal static IEnumerable<CompletionResult> Matching(IEnumerable<string> values, string word) =>
        values.Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(v => v.StartsWith(word ?? "", StringComparison.OrdinalIgnoreCase))
            .OrderBy(v => v, StringComparer.OrdinalIgnoreCase)
            .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v));
}
