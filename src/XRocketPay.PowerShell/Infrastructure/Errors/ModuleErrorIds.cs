namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// Every error id the module raises itself, before, instead of or around a request (ids of API problems come
/// from the core's problem table, <see cref="XRocketProblemCodes"/>). Stable: scripts branch on them.
/// </summary>
internal static class ModuleErrorIds
{
    // Input refused before anything is sent.
    internal const string InvalidAmount = "InvalidAmount";
    internal const string MissingParameter = "MissingParameter";
    internal const string InvalidParameter = "InvalidParameter";
    internal const string UnknownAsset = "UnknownAsset";
    internal const string UnknownNetwork = "UnknownNetwork";
    internal const string ConflictingColumns = "ConflictingColumns";

    // The session, the connection and the host.
    internal const string NotConnected = "NotConnected";
    internal const string TokenNotFound = "TokenNotFound";
    internal const string TestOnlyOperation = "TestOnlyOperation";

    // Payout runs: the journal and the preflight.
    internal const string JournalNotFound = "JournalNotFound";
    internal const string JournalUnusable = "JournalUnusable";
    internal const string JournalInUse = "JournalInUse";
    internal const string JournalWriteFailed = "JournalWriteFailed";
    internal const string PreflightFailed = "PreflightFailed";

    // Webhooks.
    internal const string InvalidWebhookSignature = "InvalidWebhookSignature";
    internal const string InvalidWebhookBody = "InvalidWebhookBody";
    internal const string WebhookListenerFailed = "WebhookListenerFailed";

    // Waiting, stopping and the unforeseen.
    internal const string WaitTimeout = "WaitTimeout";
    internal const string WithdrawalFailed = "WithdrawalFailed";
    internal const string InvoiceNotPaid = "InvoiceNotPaid";
    internal const string ConfirmationUnavailable = "ConfirmationUnavailable";
    internal const string OperationCancelled = "OperationCancelled";
    internal const string UnexpectedError = "UnexpectedError";
}
