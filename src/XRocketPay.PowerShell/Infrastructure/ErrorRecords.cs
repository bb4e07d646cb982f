using System;
using System.Management.Automation;
using XRocketPay.Client;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>Stable error ids for input problems found before anything is sent.</summary>
internal static class InputErrorIds
{
    internal const string InvalidAmount = "InvalidAmount";
    internal const string MissingParameter = "MissingParameter";
    internal const string InvalidParameter = "InvalidParameter";
    internal const string NotConnected = "NotConnected";
    internal const string TestOnlyOperation = "TestOnlyOperation";
    internal const string TokenNotFound = "TokenNotFound";
    internal const string WaitTimeout = "WaitTimeout";
}

/// <summary>
/// Turns failures into error records: the ErrorId is the API problem code in PascalCase
/// (<c>AmountMoreThanAppBalance</c>), the category fits the failure, the TargetObject is the input.
/// </summary>
internal static class ErrorRecords
{
    internal static ErrorRecord Input(string errorId, string message, object? target, ErrorCategory category = ErrorCategory.InvalidArgument) =>
        new(new ArgumentException(message), errorId, category, target);

    internal static ErrorRecord From(Exception exception, object? target) => exception switch
    {
        XRocketConflictException conflict => new ErrorRecord(conflict, "ClientIdConflict", ErrorCategory.ResourceExists, target),
        XRocketAmountException amount => new ErrorRecord(amount, InputErrorIds.InvalidAmount, ErrorCategory.InvalidArgument, target),
        XRocketException xrocket => new ErrorRecord(xrocket, XRocketException.ToPascalCase(xrocket.Code), Category(xrocket), target),
        OperationCanceledException => new ErrorRecord(exception, "OperationCancelled", ErrorCategory.OperationStopped, target),
        ArgumentException => new ErrorRecord(exception, InputErrorIds.InvalidParameter, ErrorCategory.InvalidArgument, target),
        _ => new ErrorRecord(exception, "UnexpectedError", ErrorCategory.NotSpecified, target),
    };

    private static ErrorCategory Category(XRocketException exception) => exception.Code switch
    {
        "client_data_validation" or "amount_less_than_minimum" or "withdrawal_incorrect_address" or "withdrawal_incorrect_comment" => ErrorCategory.InvalidArgument,
        "amount_more_than_app_balance" => ErrorCategory.QuotaExceeded,
        "target_user_not_found" or "not_found" => ErrorCategory.ObjectNotFound,
        "client_id_already_taken" => ErrorCategory.ResourceExists,
        "unauthorized" => ErrorCategory.AuthenticationError,
        "operation_disabled" or "withdrawal_asset_not_allowed" => ErrorCategory.PermissionDenied,
        "network_is_suspended" or "internal_error" => ErrorCategory.ResourceUnavailable,
        "rate_limit_exceeded" => ErrorCategory.LimitsExceeded,
        "timeout" => ErrorCategory.OperationTimeout,
        "connection_failed" => ErrorCategory.ConnectionError,
        "malformed_response" => ErrorCategory.InvalidResult,
        _ when exception is XRocketApiException api && (int)api.StatusCode >= 500 => ErrorCategory.ResourceUnavailable,
        _ when exception is XRocketApiException api && (int)api.StatusCode == 404 => ErrorCategory.ObjectNotFound,
        _ => ErrorCategory.InvalidOperation,
    };
}
