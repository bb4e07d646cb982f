namespace XRocketPay.Client;

/// <summary>
/// An amount a user gave, read by <see cref="XRocketMoney.Read"/>: missing, not acceptable (with why), or
/// valid (with its value and normalised text).
/// </summary>
public sealed class XRocketAmount
{
    internal XRocketAmount(string raw, bool isMissing, decimal value, string? error)
    {
        Raw = raw;
        IsMissing = isMissing;
        // Normalised once, here: every property that carries a user's amount shows it tidy (1.50 → 1.5), not only views.
        Value = XRocketMoney.Normalize(value);
        Error = error;
        Text = error is null ? XRocketMoney.Format(value) : raw.Trim();
    }

    /// <summary>What was given, as invariant text ("" for nothing).</summary>
    public string Raw { get; }

    /// <summary>Nothing, or only white space, was given: a missing parameter rather than a bad amount.</summary>
    public bool IsMissing { get; }

    public bool IsValid => Error is null;

    /// <summary>The amount, without trailing zeros; zero unless <see cref="IsValid"/>.</summary>
    public decimal Value { get; }

    /// <summary>Normalised invariant text when valid (<c>007.50</c> → <c>7.5</c>); the trimmed input otherwise.</summary>
    public string Text { get; }

    /// <summary>Why the amount is missing or not acceptable; null when valid.</summary>
    public string? Error { get; }

    public override string ToString() => Raw;
}
