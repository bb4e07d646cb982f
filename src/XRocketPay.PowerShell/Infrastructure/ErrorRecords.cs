using System;
using System.Management.Automation;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>Stable error ids for input problems found before anything is sent.</summary>
internal static class InputErrorIds
{
    internal const string InvalidAmount = "InvalidAmount";
    internal const string MissingParameter = "MissingParameter";
    internal const string InvalidParameter = "InvalidParameter";
    internal const string NotConnected = "NotConnected";
    internal const string ProductionRefused = "ProductionRefused";
}

internal static class ErrorRecords
{
    internal static ErrorRecord Input(string errorId, string message, object? target, ErrorCategory category = ErrorCategory.InvalidArgument) =>
        new(new ArgumentException(message), errorId, category, target);
}
