namespace XRocketPay.Client;

/// <summary>
/// The one strict parser for every amount a user gives, and the invariant formatter for amounts sent.
/// Amounts that come back from the API are read leniently elsewhere (zero balances, tiny rates).
/// </summary>
public static class XRocketMoney
{
    public const int MaxDecimals = 9;

    /// <summary>A typed double is taken only when its shortest round-trip text has at most this many significant digits.</summary>
    public const int MaxTypedDigits = 15;

    private const string Accepted = "Use digits with an optional '.' and 1 to 9 decimals, greater than zero, for example 1.5 or 0.000000001.";

    /// <summary>Parses a user amount; throws <see cref="XRocketAmountException"/> saying what was wrong.</summary>
    public static decimal Parse(string text) =>
        TryParse(text, out var amount, out var error) ? amount : throw new XRocketAmountException(error!, text ?? "");

    /// <summary>
    /// Parses a user amount given as text or as a .NET number (decimal, an integer type, or a double/float
    /// taken by its shortest round-trip text, as PowerShell literals like 0.1 arrive).
    /// </summary>
    public static bool TryParse(object? value, out decimal amount, out string? error)
    {
        var reading = Read(value);
        amount = reading.Value;
        error = reading.Error;
        return reading.IsValid;
    }

    /// <summary>
    /// The one reading of a user amount, for parameters and pipeline rows alike: missing (nothing or white
    /// space), not acceptable (with why), or valid (with the value and its normalised text).
    /// </summary>
    public static XRocketAmount Read(object? value)
    {
        var raw = AsText(value);
        if (value is null || (value is string && raw.Trim().Length == 0))
        {
            return new XRocketAmount(raw, isMissing: true, 0m, value is null ? "An amount is required. " + Accepted : "The amount is empty. " + Accepted);
        }

        string? error;
        decimal amount = 0m;
        switch (value)
        {
            case double d when double.IsNaN(d) || double.IsInfinity(d):
            case float f when float.IsNaN(f) || float.IsInfinity(f):
                error = $"'{raw}' is not an amount. {Accepted}";
                break;
            case double or float:
                if (TypedNumberText(raw, out var exact, out error))
                {
                    raw = exact;
                    _ = TryParseText(raw, out amount, out error);
                }

                break;
            case decimal m:
                raw = m.ToString(CultureInfo.InvariantCulture);
                _ = TryParseText(raw, out amount, out error);
                break;
            case string or byte or sbyte or short or ushort or int or uint or long or ulong:
                _ = TryParseText(raw, out amount, out error);
                break;
            default:
                error = $"A {value.GetType().Name} is not an amount. {Accepted}";
                break;
        }

        return new XRocketAmount(raw, isMissing: false, error is null ? amount : 0m, error);
    }

    /// <summary>
    /// A typed number (PowerShell passes an unquoted 0.000001 as a double): its exact decimal text when its
    /// shortest round-trip text has at most <see cref="MaxTypedDigits"/> significant digits; otherwise an
    /// error asking to quote the amount (a double cannot carry more digits, and nothing is rounded).
    /// </summary>
    private static bool TypedNumberText(string roundTrip, out string text, out string? error)
    {
        text = roundTrip;
        var mantissa = roundTrip.TrimStart('-');
        var e = mantissa.IndexOfAny(new[] { 'E', 'e' });
        if (e >= 0)
        {
            mantissa = mantissa.Substring(0, e);
        }

        var digits = mantissa.Replace(".", "").TrimStart('0').TrimEnd('0').Length;
        if (digits <= MaxTypedDigits && !decimal.TryParse(roundTrip, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            error = $"'{roundTrip}' is too large. {Accepted}";
            return false;
        }

        if (digits > MaxTypedDigits || !decimal.TryParse(roundTrip, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            error = $"{roundTrip} was typed as a number, which PowerShell reads as a [double] that keeps only about {MaxTypedDigits} significant digits; quote the amount (for example -Amount '12345678901234567.89') so every digit is read exactly. Nothing is rounded. {Accepted}";
            return false;
        }

        text = exact.ToString(CultureInfo.InvariantCulture);
        error = null;
        return true;
    }

    private static string AsText(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static bool TryParseText(string raw, out decimal amount, out string? error)
    {
        amount = 0m;
        var text = raw.Trim();
        if (text.Length == 0)
        {
            error = "The amount is empty. " + Accepted;
            return false;
        }

        var dot = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '.')
            {
                if (dot >= 0)
                {
                    error = $"'{raw}' has more than one '.'. {Accepted}";
                    return false;
                }

                dot = i;
            }
            else if (c < '0' || c > '9')
            {
                error = c switch
                {
                    ',' => $"'{raw}' uses ',' (a decimal comma or a thousands separator); amounts take '.' as the decimal point and no separators. {Accepted}",
                    ' ' or '\u00a0' or '\'' or '_' => $"'{raw}' contains a digit group separator. {Accepted}",
                    'e' or 'E' => $"'{raw}' uses an exponent. {Accepted}",
                    '-' => $"'{raw}' is negative. {Accepted}",
                    '+' => $"'{raw}' has a sign. {Accepted}",
                    _ => $"'{raw}' contains '{c}', which is not an ASCII digit or '.'. {Accepted}",
                };
                return false;
            }
        }

        if (dot == 0 || dot == text.Length - 1)
        {
            error = $"'{raw}' needs digits on both sides of '.'. {Accepted}";
            return false;
        }

        if (dot > 0 && text.Length - dot - 1 > MaxDecimals)
        {
            error = $"'{raw}' has {text.Length - dot - 1} decimals; at most {MaxDecimals} are allowed (nothing is rounded). {Accepted}";
            return false;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
        {
            error = $"'{raw}' is too large. {Accepted}";
            return false;
        }

        // decimal keeps 28-29 significant digits: a longer amount would be sent rounded (issue 14 item 6). Refuse it.
        var written = text.TrimStart('0');
        written = written.Length == 0 || written[0] == '.' ? "0" + written : written;
        if (!string.Equals(amount.ToString(CultureInfo.InvariantCulture), written, StringComparison.Ordinal))
        {
            error = $"'{raw}' has more digits than can be sent exactly (nothing is rounded). {Accepted}";
            amount = 0m;
            return false;
        }

        if (amount <= 0m)
        {
            error = $"'{raw}' is not greater than zero. {Accepted}";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>
    /// <paramref name="value"/> rounded up to <paramref name="decimals"/> places: a price computed from another
    /// currency is never less than what it converts (the one place money is rounded, and only upwards).
    /// </summary>
    public static decimal RoundUp(decimal value, int decimals)
    {
        if (decimals is < 0 or > 28)
        {
            throw new ArgumentOutOfRangeException(nameof(decimals));
        }

        var scale = 1m;
        for (var i = 0; i < decimals; i++)
        {
            scale *= 10m;
        }

        return Normalize(decimal.Ceiling(value * scale) / scale);
    }

    /// <summary>The same value without trailing zeros (1.50 → 1.5), for comparing and summing amounts.</summary>
    public static decimal Normalize(decimal amount) => amount / 1.000000000000000000000000000000000m;

    /// <summary>
    /// The one text of an amount, for the API, views, messages and -WhatIf alike: normalised (no trailing
    /// zeros, every significant digit: 0.000000000 → 0, 9945.50 → 9945.5), invariant whatever the culture
    /// (no exponent, no group separators, '.' as the decimal point).
    /// </summary>
    public static string Format(decimal amount) => Normalize(amount).ToString(CultureInfo.InvariantCulture);

    /// <summary>A nullable amount's text; empty for none (for views).</summary>
    public static string Format(decimal? amount) => amount is { } value ? Format(value) : "";
}
