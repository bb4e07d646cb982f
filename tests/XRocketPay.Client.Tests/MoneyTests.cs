using System.Globalization;

namespace XRocketPay.Client.Tests;

public class MoneyTests
{
    [Theory]
    [InlineData("1", "1")]
    [InlineData("1.5", "1.5")]
    [InlineData("1.50", "1.50")]
    [InlineData(" 2.25 ", "2.25")]
    [InlineData("\t3\n", "3")]
    [InlineData("0.000000001", "0.000000001")]
    [InlineData("0.1", "0.1")]
    [InlineData("100000", "100000")]
    [InlineData("12345678901234567.89", "12345678901234567.89")]
    [InlineData("007", "7")]
    [InlineData("1.123456789", "1.123456789")]
    [InlineData("999999999.999999999", "999999999.999999999")]
    public void Accepts_plain_invariant_amounts(string input, string expected)
    {
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), XRocketMoney.Parse(input));
        Assert.True(XRocketMoney.TryParse(input, out var amount, out var error));
        Assert.Null(error);
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), amount);
    }

    [Theory]
    [InlineData("1,5", "','")]
    [InlineData("1,000.50", "','")]
    [InlineData("", "empty")]
    [InlineData(" ", "empty")]
    [InlineData(".5", "both sides")]
    [InlineData("5.", "both sides")]
    [InlineData("1e3", "exponent")]
    [InlineData("1E-2", "exponent")]
    [InlineData("-1", "negative")]
    [InlineData("+1", "sign")]
    [InlineData("0", "greater than zero")]
    [InlineData("0.000000000", "greater than zero")]
    [InlineData("1 000", "separator")]
    [InlineData("1\u00a0000", "separator")]
    [InlineData("1'000", "separator")]
    [InlineData("1_000", "separator")]
    [InlineData("NaN", "'N'")]
    [InlineData("Infinity", "'I'")]
    [InlineData("1.1234567891", "10 decimals")]
    [InlineData("1.2.3", "more than one")]
    [InlineData("\u0661\u0662", "ASCII")]
    [InlineData("１", "ASCII")]
    [InlineData("0x10", "'x'")]
    [InlineData("$5", "'$'")]
    [InlineData("99999999999999999999999999999999", "too large")]
    public void Refuses_everything_else_and_says_why(string input, string because)
    {
        Assert.False(XRocketMoney.TryParse(input, out _, out var error));
        Assert.Contains(because, error);
        Assert.Contains("Use digits", error);
        var ex = Assert.Throws<XRocketAmountException>(() => XRocketMoney.Parse(input));
        Assert.Equal(input, ex.Input);
    }

    [Fact]
    public void Numbers_go_through_the_same_rules()
    {
        Assert.True(XRocketMoney.TryParse(0.1d, out var fromDouble, out _));
        Assert.Equal(0.1m, fromDouble);
        Assert.True(XRocketMoney.TryParse(1.5m, out var fromDecimal, out _));
        Assert.Equal(1.5m, fromDecimal);
        Assert.True(XRocketMoney.TryParse(42, out var fromInt, out _));
        Assert.Equal(42m, fromInt);
        Assert.True(XRocketMoney.TryParse(7L, out _, out _));
        Assert.False(XRocketMoney.TryParse(0, out _, out _));
        Assert.False(XRocketMoney.TryParse(-2.5d, out _, out _));
        Assert.False(XRocketMoney.TryParse(double.NaN, out _, out _));
        Assert.False(XRocketMoney.TryParse(1e-12d, out _, out _));
        Assert.False(XRocketMoney.TryParse(1.0000000001m, out _, out _));
        Assert.False(XRocketMoney.TryParse(null, out _, out _));
        Assert.False(XRocketMoney.TryParse(new object(), out _, out _));
    }

    [Theory]
    [InlineData(0.000001d, "0.000001")]
    [InlineData(5d, "5")]
    [InlineData(123.123456789d, "123.123456789")]
    [InlineData(0.000000001d, "0.000000001")]
    [InlineData(123456789012345d, "123456789012345")]
    public void A_typed_double_is_taken_by_its_shortest_text(double typed, string expected)
    {
        var reading = XRocketMoney.Read(typed);
        Assert.True(reading.IsValid, reading.Error);
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), reading.Value);
        Assert.Equal(expected, reading.Text);
    }

    [Fact]
    public void A_typed_double_with_more_than_15_digits_is_refused_with_a_hint_to_quote()
    {
        var reading = XRocketMoney.Read(12345678901234567.89d);
        Assert.False(reading.IsValid);
        Assert.Contains("quote", reading.Error);
        Assert.False(XRocketMoney.Read(0.1d + 0.2d).IsValid);
        Assert.True(XRocketMoney.Read("12345678901234567.89").IsValid);
        Assert.Contains("exponent", XRocketMoney.Read("1E-06").Error);
    }

    [Fact]
    public void Format_is_invariant_whatever_the_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal("1234.5", XRocketMoney.Format(1234.5m));
            Assert.Equal("0.000000001", XRocketMoney.Format(0.000000001m));
            Assert.Equal(1.5m, XRocketMoney.Parse("1.5"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("\"0.000000000\"", "0")]
    [InlineData("\"9945.50\"", "9945.5")]
    [InlineData("\"9998.500000000\"", "9998.5")]
    [InlineData("12.3400", "12.34")]
    [InlineData("\"0.000000001\"", "0.000000001")]
    public void Amounts_read_from_the_wire_are_normalised_so_every_display_shows_them_as_people_read_them(string json, string shown)
    {
        var balance = System.Text.Json.JsonSerializer.Deserialize("{\"balances\":[{\"asset\":\"USDT\",\"balance\":" + json + ",\"available\":\"1\",\"holds\":\"0\"}]}", XRocketJsonContext.Default.BalanceList)!.Balances[0];
        Assert.Equal(shown, balance.Balance.ToString(CultureInfo.InvariantCulture));
    }
}
