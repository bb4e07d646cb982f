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
    internal const string InvoiceNotPaid = "InvoiceNotPaid";
    internal const string InvalidWebhookSignature = "InvalidWebhookSignature";
    internal const string InvalidWebhookBody = "InvalidWebhookBody";
    internal const string WebhookListenerFailed = "WebhookListenerFailed";
    internal const string OperationCancelled = "OperationCancelled";
    internal const string UnexpectedError = "UnexpectedError";
}
