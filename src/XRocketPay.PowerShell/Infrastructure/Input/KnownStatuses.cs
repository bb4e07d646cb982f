namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// The known -Status values of each list cmdlet: one list per resource, the core's own (<see cref="InvoiceStatus.Known"/>,
/// <see cref="ChequeState.Known"/>, <see cref="WithdrawalStatus.Known"/>, <see cref="TransferStatus.Known"/>). The typo warning and completion both read
/// it, so a value accepted without a warning is always offered, and the other way round. Statuses stay
/// extensible (SOURCES §4): an unknown value is a warning, and the request is still sent.
/// </summary>
internal static class KnownStatuses
{
    private static readonly Dictionary<string, IReadOnlyList<string>> s_byCommand = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Get-XRocketInvoice"] = InvoiceStatus.Known,
        ["Get-XRocketCheque"] = ChequeState.Known,
        ["Get-XRocketWithdrawal"] = WithdrawalStatus.Known,
        ["Get-XRocketTransfer"] = TransferStatus.Known,
    };

    /// <summary>The known values of <paramref name="commandName"/>'s -Status (none for a command without one).</summary>
    internal static IReadOnlyList<string> Of(string commandName) =>
        s_byCommand.TryGetValue(commandName, out var known) ? known : Array.Empty<string>();

    /// <summary>The warning for a value, as it is sent, that <paramref name="commandName"/> does not know; or null. Compared exactly.</summary>
    internal static string? Warning(string commandName, string? value, string parameterName) =>
        value is null || !s_byCommand.TryGetValue(commandName, out var known) || known.Contains(value, StringComparer.Ordinal) ? null
            : $"-{parameterName} '{InputRules.Shorten(value)}' is not a known value (known: {string.Join(", ", known)}); it is used as given, and may match nothing.";
}
