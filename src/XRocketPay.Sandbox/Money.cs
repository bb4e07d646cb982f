using System.Globalization;
using System.Text.RegularExpressions;

namespace XRocketPay.Sandbox;

/// <summary>The sandbox's own money rules (not shared with the client on purpose).</summary>
internal static partial class Money
{
    [GeneratedRegex(@"^[0-9]+(\.[0-9]{1,9})?$", RegexOptions.CultureInvariant)]
    private static partial Regex AmountPattern();

    /// <summary>Parses a request amount: a JSON string (or number) of digits with at most 9 decimals, above zero.</summary>
    public static decimal ParseRequest(string field, string? text)
    {
        if (text is null || !AmountPattern().IsMatch(text))
        {
            throw Problem.Validation($"'{field}' must be a decimal string with at most 9 decimal places, like \"1.23\".");
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            throw Problem.Validation($"'{field}' must be greater than zero.");
        }

        return value;
    }

    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An amount in the sandbox's own messages: without trailing zeros (9994, not 9994.0).</summary>
    public static string Text(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    public static decimal Round(decimal value) => Math.Round(value, 9, MidpointRounding.ToZero);
}
