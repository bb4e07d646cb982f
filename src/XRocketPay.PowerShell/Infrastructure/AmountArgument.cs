using System;
using System.Management.Automation;
using XRocketPay.Client;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// A money value as the user gave it. Binding always succeeds and keeps the raw text; whether it is a
/// valid amount is decided inside the cmdlet by the core's strict parser, so a bad row becomes the
/// cmdlet's own error record (captured by -ErrorVariable) instead of a binding error.
/// </summary>
public sealed class AmountArgument
{
    private readonly decimal _value;

    private AmountArgument(string rawText, decimal value, string? error)
    {
        RawText = rawText;
        _value = value;
        Error = error;
    }

    /// <summary>What the user supplied, as text (a CSV cell, a literal, a decimal).</summary>
    public string RawText { get; }

    /// <summary>Why the value is not an acceptable amount; null when it is.</summary>
    public string? Error { get; }

    public bool IsValid => Error is null;

    /// <summary>The parsed amount; only call when <see cref="IsValid"/>.</summary>
    public decimal Value => IsValid ? _value : throw new InvalidOperationException(Error);

    internal static AmountArgument From(object? input)
    {
        var value = input is PSObject wrapped ? wrapped.BaseObject : input;
        var raw = value switch
        {
            null => "",
            double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            float f => f.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return XRocketMoney.TryParse(value, out var amount, out var error)
            ? new AmountArgument(raw, amount, null)
            : new AmountArgument(raw, 0m, error ?? "Not a valid amount.");
    }

    public override string ToString() => RawText;
}

/// <summary>
/// Turns any bound value into an <see cref="AmountArgument"/> without going through PowerShell's
/// default conversion (which reads "1,5" as 15 via double). Never throws.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class MoneyTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData) =>
        inputData is AmountArgument already ? already : AmountArgument.From(inputData);
}
