namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>Stable error ids for problems found in the module, before or instead of a request.</summary>
internal static class InputErrorIds
{
    internal const string InvalidAmount = "InvalidAmount";
    internal const string MissingParameter = "MissingParameter";
    internal const string InvalidParameter = "InvalidParameter";
    internal const string NotConnected = "NotConnected";
    internal const string TestOnlyOperation = "TestOnlyOperation";
    internal const string TokenNotFound = "TokenNotFound";
    internal const string WaitTimeout = "WaitTimeout";
    internal const string WithdrawalFailed = "WithdrawalFailed";
    internal const string OperationCancelled = "OperationCancelled";
    internal const string UnexpectedError = "UnexpectedError";

    /// <summary>A state change needed a confirmation that this host cannot ask for (non-interactive, or standard input redirected).</summary>
    internal const string ConfirmationUnavailable = "ConfirmationUnavailable";
}
