namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// The module's one way to read money, for parameters and pipeline rows alike. Binding always succeeds and
/// keeps what the user gave; the core's <see cref="XRocketMoney.Read"/> decides missing, invalid or valid,
/// and <see cref="Check"/> turns that into MissingParameter or InvalidAmount, so a bad row becomes the
/// cmdlet's own error record (captured by -ErrorVariable) instead of a binding error.
/// </summary>
public sealed class AmountArgument
{
    private AmountArgument(XRocketAmount reading) => Reading = reading;

    /// <summary>What the user supplied, as text (a CSV cell, a literal, a decimal).</summary>
    public string RawText => Reading.Raw;

    /// <summary>Why the value is not an acceptable amount; null when it is.</summary>
    public string? Error => Reading.Error;

    public bool IsValid => Reading.IsValid;

    /// <summary>Nothing, or only white space, was given.</summary>
    public bool IsMissing => Reading.IsMissing;

    /// <summary>The parsed amount; only call when <see cref="IsValid"/>.</summary>
    public decimal Value => IsValid ? Reading.Value : throw new InvalidOperationException(Error);

    /// <summary>The core's reading: missing, invalid (with why) or valid (with normalised text).</summary>
    public XRocketAmount Reading { get; }

    internal static AmountArgument From(object? input) =>
        new(XRocketMoney.Read(input is PSObject wrapped ? wrapped.BaseObject : input));

    /// <summary>
    /// Checks a money parameter or column named <paramref name="name"/>: the error record to write when it is
    /// not usable (about <paramref name="target"/>), else null with the amount (null for an optional amount
    /// left out). Given but empty is MissingParameter for every cmdlet; given but not money is InvalidAmount.
    /// </summary>
    internal static ErrorRecord? Check(AmountArgument? argument, string name, bool required, object? target, out decimal? amount)
    {
        amount = null;
        if (argument is null || argument.Reading.IsMissing)
        {
            return argument is null && !required ? null
                : ErrorRecords.Input(ModuleErrorIds.MissingParameter, $"-{name} is {(argument is null ? "required" : "empty")}. {(required ? "" : "Leave it out for none. ")}Nothing was sent.", target);
        }

        if (!argument.IsValid)
        {
            return ErrorRecords.Input(ModuleErrorIds.InvalidAmount, $"-{name}: {argument.Error} Nothing was sent.", target);
        }

        amount = argument.Value;
        return null;
    }

    public override string ToString() => RawText;
}
