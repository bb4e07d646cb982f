namespace XRocketPay.Client;

/// <summary>
/// Money on the wire is a decimal string ("1.23"). Reading is lenient (any valid decimal, string or number:
/// zero balances, tiny rates) and normalised, so "0.000000000" reads as 0 and "9945.50" as 9945.5 wherever
/// the value is shown (views, Format-List *, ToString); writing is invariant text, never a JSON number and
/// never an exponent.
/// </summary>
internal sealed class DecimalStringConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return XRocketMoney.Normalize(reader.GetDecimal());
        }

        var text = reader.GetString();
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? XRocketMoney.Normalize(value)
            // Never the text itself: a hostile or broken server can echo anything (the token) into a money field,
            // and this message would ride along as an inner exception (issue 14 item 2).
            : throw new JsonException($"A money field holds {(text is null ? "null" : $"{text.Length} characters")} that are not a decimal amount.");
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteStringValue(XRocketMoney.Format(value));
}
