using System.Collections;
using System.Management.Automation.Language;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// Completes asset codes in context: crypto only (an invoice's price too: the API refuses fiat prices, which
/// New-XRocketInvoice -Fiat takes), except where fiat is valid too (listing invoices,
/// Get-XRocketCurrency -Code narrowed by -Kind); narrowed to the -Network already given.
/// From the connection's currencies when connected, from the sandbox catalogue when not.
/// </summary>
public sealed class AssetCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var kind = commandName switch
        {
            "Get-XRocketInvoice" => null,
            "Get-XRocketCurrency" => CompletionCatalog.Bound(fakeBoundParameters, "Kind"),
            _ => "crypto",
        };
        var network = CompletionCatalog.Bound(fakeBoundParameters, "Network");
        return Completions.Matching(CompletionCatalog.Codes(kind, network), wordToComplete);
    }
}
