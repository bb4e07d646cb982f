namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// Turns failures into error records: the ErrorId and category come from the core's problem-code table
/// (<see cref="XRocketProblemCodes"/>: <c>amount_more_than_app_balance</c> → <c>AmountMoreThanAppBalance</c>,
/// QuotaExceeded), the TargetObject is the input.
/// </summary>
internal static class ErrorRecords
{
    internal static ErrorRecord Input(string errorId, string message, object? target, ErrorCategory category = ErrorCategory.InvalidArgument) =>
        new(new ArgumentException(message), errorId, category, target);

    /// <summary>The same error about another target (the row copy, made only once a row is refused).</summary>
    internal static ErrorRecord WithTarget(ErrorRecord error, object? target) =>
        new(error.Exception, error.FullyQualifiedErrorId, error.CategoryInfo.Category, target) { ErrorDetails = error.ErrorDetails };

    internal static ErrorRecord From(Exception exception, object? target) => exception switch
    {
        XRocketAmountException amount => new ErrorRecord(amount, ModuleErrorIds.InvalidAmount, ErrorCategory.InvalidArgument, target),
        XRocketException xrocket => new ErrorRecord(xrocket, xrocket.ProblemCode.ErrorId, Category(xrocket.ProblemCode.Category), target),
        OperationCanceledException => new ErrorRecord(exception, ModuleErrorIds.OperationCancelled, ErrorCategory.OperationStopped, target),
        ArgumentException => new ErrorRecord(exception, ModuleErrorIds.InvalidParameter, ErrorCategory.InvalidArgument, target),
        _ => new ErrorRecord(exception, ModuleErrorIds.UnexpectedError, ErrorCategory.NotSpecified, target),
    };

    /// <summary>The one place a category name of the problem table becomes an <see cref="ErrorCategory"/>.</summary>
    internal static ErrorCategory Category(string name) =>
        Enum.TryParse<ErrorCategory>(name, out var category) ? category : ErrorCategory.NotSpecified;
}
