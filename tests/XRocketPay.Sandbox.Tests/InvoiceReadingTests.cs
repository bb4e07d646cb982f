using System.Globalization;
using System.Net;

namespace XRocketPay.Sandbox.Tests;

/// <summary>Issue 22: invoices as the live API reads them (expiry unit, fiat prices, payload objects), in every mode.</summary>
public sealed class InvoiceReadingTests : EveryModeTests
{
    public InvoiceReadingTests(SandboxPair full, EvidencePair evidence)
        : base(full, evidence)
    {
    }

    private static TimeSpan OpenFor(SandboxApi.Reply invoice) =>
        DateTimeOffset.Parse(invoice.S("expiresAt"), CultureInfo.InvariantCulture) - DateTimeOffset.Parse(invoice.S("createdAt"), CultureInfo.InvariantCulture);

    [Theory, MemberData(nameof(EveryMode))]
    public async Task ExpiresIn_is_read_in_the_configured_unit_milliseconds_by_default(SandboxDialect dialect, SandboxShape shape)
    {
        var api = Fresh(dialect, shape);
        Assert.Equal("milliseconds", (await api.Get("sandbox/config")).S("invoiceExpiryUnit"));
        Assert.Equal(TimeSpan.FromMinutes(30), OpenFor(await api.Post("api/v1/invoices", new { priceCurrency = "USDT", priceAmount = "1", expiresIn = 1_800_000 })));

        Assert.Equal(HttpStatusCode.OK, (await api.Put("sandbox/config", new { invoiceExpiryUnit = "seconds" })).Status);
        Assert.Equal("seconds", (await api.Get("sandbox/config")).S("invoiceExpiryUnit"));
        Assert.Equal(TimeSpan.FromMinutes(30), OpenFor(await api.Post("api/v1/invoices", new { priceCurrency = "USDT", priceAmount = "1", expiresIn = 1800 })));
        Assert.Equal(TimeSpan.FromSeconds(1_800_000), OpenFor(await api.Post("api/v1/invoices", new { priceCurrency = "USDT", priceAmount = "1", expiresIn = 1_800_000 })));
        Assert.Equal("validation_error", (await api.Put("sandbox/config", new { invoiceExpiryUnit = "minutes" })).Code);
    }

    [Fact]
    public async Task The_command_line_option_sets_the_unit()
    {
        using var api = new SandboxApi(new SandboxOptions { InvoiceExpiryUnit = SandboxInvoiceExpiryUnit.Seconds });
        Assert.Equal("seconds", (await api.Get("sandbox/config")).S("invoiceExpiryUnit"));
        Assert.Equal(TimeSpan.FromHours(1), OpenFor(await api.Post("api/v1/invoices", new { priceCurrency = "TONCOIN", priceAmount = "1", expiresIn = 3600 })));
    }

    [Theory, MemberData(nameof(EveryMode))]
    public async Task A_fiat_price_is_refused_in_the_evidence_shape_with_not_implemented(SandboxDialect dialect, SandboxShape shape)
    {
        var api = Fresh(dialect, shape);
        var fiat = await api.Post("api/v1/invoices", new { priceCurrency = "EUR", priceAmount = "10", payCurrencies = new[] { "USDT" } });
        if (shape == SandboxShape.Evidence)
        {
            Assert.Equal(HttpStatusCode.InternalServerError, fiat.Status);
            Assert.Equal("not_implemented", fiat.Code);
            Assert.Equal(0, (await api.Get("api/v1/invoices")).Body.GetProperty("items").GetArrayLength());
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, fiat.Status);
        }
    }

    [Theory, MemberData(nameof(EveryMode))]
    public async Task A_callback_payload_object_comes_back_on_the_invoice(SandboxDialect dialect, SandboxShape shape)
    {
        var api = Fresh(dialect, shape);
        var created = await api.Post("api/v1/invoices", new { priceCurrency = "TONCOIN", priceAmount = "1", callback = new { payload = new { orderId = 42, tags = new[] { "a", "b" } } } });
        var read = await api.Get("api/v1/invoice?invoiceId=" + created.S("id"));
        var payload = read.Body.GetProperty("callback").GetProperty("payload");
        Assert.Equal(42, payload.GetProperty("orderId").GetInt32());
        Assert.Equal("b", payload.GetProperty("tags")[1].GetString());
    }

    [Theory, MemberData(nameof(EveryMode))]
    public async Task PayCurrencies_other_than_the_price_currency_are_not_implemented(SandboxDialect dialect, SandboxShape shape)
    {
        var api = Fresh(dialect, shape);
        var other = await api.Post("api/v1/invoices", new { priceCurrency = "USDT", priceAmount = "10", payCurrencies = new[] { "TONCOIN" } });
        Assert.Equal(HttpStatusCode.InternalServerError, other.Status);
        Assert.Equal("not_implemented", other.Code);
        var two = await api.Post("api/v1/invoices", new { priceCurrency = "USDT", priceAmount = "10", payCurrencies = new[] { "USDT", "TONCOIN" } });
        Assert.Equal("not_implemented", two.Code);
        Assert.Equal(0, (await api.Get("api/v1/invoices")).Body.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await api.Post("api/v1/invoices", new { priceCurrency = "USDT", priceAmount = "10", payCurrencies = new[] { "USDT" } })).Status);
    }

    [Theory, MemberData(nameof(EveryMode))]
    public async Task ExpiresIn_0_never_expires_and_none_expires_after_the_default_hour(SandboxDialect dialect, SandboxShape shape)
    {
        var api = Fresh(dialect, shape);
        var never = await api.Post("api/v1/invoices", new { priceCurrency = "USDT", priceAmount = "1", expiresIn = 0 });
        Assert.Equal(HttpStatusCode.OK, never.Status);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, never.Body.GetProperty("expiresAt").ValueKind);

        var byDefault = await api.Post("api/v1/invoices", new { priceCurrency = "USDT", priceAmount = "1" });
        Assert.Equal(TimeSpan.FromMilliseconds(3_600_000), OpenFor(byDefault));
        Assert.Equal(3_600_000, byDefault.Body.GetProperty("expiresIn").GetInt64());

        Assert.Equal("validation_error", (await api.Post("api/v1/invoices", new { priceCurrency = "USDT", priceAmount = "1", expiresIn = -1 })).Code);
    }

    [Theory, MemberData(nameof(EveryMode))]
    public async Task Rates_without_base_are_in_USD(SandboxDialect dialect, SandboxShape shape)
    {
        var api = Fresh(dialect, shape);
        var withoutBase = await api.Get("api/v1/rates?assets=TONCOIN");
        var inUsd = await api.Get("api/v1/rates?base=USD&assets=TONCOIN");
        Assert.Equal(HttpStatusCode.OK, withoutBase.Status);
        Assert.Equal(inUsd.Body.GetRawText(), withoutBase.Body.GetRawText());
    }

    [Theory, MemberData(nameof(EveryMode))]
    public async Task A_test_payment_of_part_of_the_price_makes_the_invoice_partially_paid_and_the_rest_pays_it(SandboxDialect dialect, SandboxShape shape)
    {
        var api = Fresh(dialect, shape);
        var id = (await api.Post("api/v1/invoices", new { priceCurrency = "USDT", priceAmount = "10" })).S("id");
        var part = await api.Post("api/v1/invoice/pay-test?invoiceId=" + id, new { amount = "4" });
        Assert.Equal("partially_paid", part.S("status"));
        Assert.Equal("partially_paid", (await api.Get("api/v1/invoices?status=partially_paid")).Body.GetProperty("items")[0].GetProperty("status").GetString());
        var rest = await api.Post("api/v1/invoice/pay-test?invoiceId=" + id, new { amount = "6" });
        Assert.Equal("paid", rest.S("status"));
        var payments = (await api.Get("api/v1/invoice/payments?invoiceId=" + id)).Body.GetProperty("items");
        Assert.Equal(new[] { "4", "6" }, payments.EnumerateArray().Select(p => p.GetProperty("payAmount").GetString()).OrderBy(a => a, StringComparer.Ordinal));
        Assert.Equal("validation_error", (await api.Post("api/v1/invoice/pay-test?invoiceId=" + (await api.Post("api/v1/invoices", new { priceCurrency = "USDT", priceAmount = "1" })).S("id"), new { amount = "0" })).Code);
    }
}
