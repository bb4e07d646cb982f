using System.Collections;
using System.Management.Automation.Language;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>Completes -Status and -State with the known values of the command's resource (other values are still accepted).</summary>
public sealed class StatusCompleter : IArgumentCompleter
{
    internal static readonly string[] InvoiceStatuses = { InvoiceStatus.Active, InvoiceStatus.Paid, InvoiceStatus.Expired, InvoiceStatus.Cancelled };
    internal static readonly string[] WithdrawalStatuses = { WithdrawalStatus.Created, WithdrawalStatus.Completed, WithdrawalStatus.Fail };
    internal static readonly string[] ChequeStates = { ChequeState.Active, ChequeState.Completed };
    internal static readonly string[] TransferStatuses = { TransferStatus.Finished, TransferStatus.Failed };

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Completions.Matching(
            commandName switch
            {
                "Get-XRocketInvoice" => InvoiceStatuses,
                "Get-XRocketWithdrawal" => WithdrawalStatuses,
                "Get-XRocketCheque" => ChequeStates,
                "Get-XRocketTransfer" => TransferStatuses,
                _ => Array.Empty<string>(),
            },
            wordToComplete);
}
