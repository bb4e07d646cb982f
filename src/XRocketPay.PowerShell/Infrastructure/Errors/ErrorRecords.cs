using System.Runtime.CompilerServices;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// Turns failures into error records: the ErrorId and category come from the core's problem-code table
/// (<see cref="XRocketProblemCodes"/>: <c>amount_more_than_app_balance</c> → <c>AmountMoreThanAppBalance</c>,
/// QuotaExceeded), the TargetObject is the input.
/// </summary>
internal static class ErrorRecords
{
    /// <summary>The payout rows that error records are about (their copies), with how a message names them.</summary>
    private static readonly ConditionalWeakTable<object, string> s_rowNames = new();

    internal static ErrorRecord Input(string errorId, string message, object? target, ErrorCategory category = ErrorCategory.InvalidArgument) =>
        Named(new(new ArgumentException(message), errorId, category, target));

    /// <summary>The same error about another target (the row copy, made only once a row is refused).</summary>
    internal static ErrorRecord WithTarget(ErrorRecord error, object? target) =>
        Named(new(error.Exception, error.FullyQualifiedErrorId, error.CategoryInfo.Category, target) { ErrorDetails = error.ErrorDetails });

    /// <summary>
    /// Names <paramref name="row"/> (a payout row's copy): every error record about it, made here, says which
    /// row it is in its message (issue 25 item 4), not only in its TargetObject.
    /// </summary>
    internal static object NameRow(object row, string name)
    {
        s_rowNames.Remove(row);
        s_rowNames.Add(row, name);
        return row;
    }

    internal static ErrorRecord From(Exception exception, object? target) => Named(exception switch
    {
        XRocketException xrocket => new ErrorRecord(xrocket, xrocket.ProblemCode.ErrorId, Category(xrocket.ProblemCode.Category), target),
        PayoutJournalException journal => new ErrorRecord(journal, journal.Problem switch
        {
            PayoutJournalProblem.InUse => ModuleErrorIds.JournalInUse,
            PayoutJournalProblem.WriteFailed => ModuleErrorIds.JournalWriteFailed,
            _ => ModuleErrorIds.JournalUnusable,
        }, journal.Problem == PayoutJournalProblem.InUse ? ErrorCategory.ResourceBusy : journal.Problem == PayoutJournalProblem.WriteFailed ? ErrorCategory.WriteError : ErrorCategory.InvalidData, target),
        OperationCanceledException => new ErrorRecord(exception, ModuleErrorIds.OperationCancelled, ErrorCategory.OperationStopped, target),
        ArgumentException => new ErrorRecord(exception, ModuleErrorIds.InvalidParameter, ErrorCategory.InvalidArgument, target),
        _ => new ErrorRecord(exception, ModuleErrorIds.UnexpectedError, ErrorCategory.NotSpecified, target),
    });

    private static ErrorRecord Named(ErrorRecord record)
    {
        if (record.TargetObject is { } target && s_rowNames.TryGetValue(target, out var name)
            && record.ErrorDetails?.Message?.StartsWith(name, StringComparison.Ordinal) != true)
        {
            record.ErrorDetails = new ErrorDetails($"{name}: {record.ErrorDetails?.Message ?? record.Exception.Message}");
        }

        return record;
    }

    /// <summary>The one place a category name of the problem table becomes an <see cref="ErrorCategory"/>.</summary>
    internal static ErrorCategory Category(string name) =>
        Enum.TryParse<ErrorCategory>(name, out var category) ? category : ErrorCategory.NotSpecified;
}
