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
        var api = await Fresh(dialect, shape);
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
        await using var api = new SandboxApi(new SandboxOptions { InvoiceExpiryUnit = SandboxInvoiceExpiryUnit.Seconds });
        await api.InitializeAsync();
        Assert.Equal("seconds", (await api.Get("sandbox/config")).S("invoiceExpiryUnit"));
        Assert.Equal(TimeSpan.FromHours(1), OpenFor(await api.Post("api/v1/invoices", new { priceCurrency = "TONCOIN", priceAmount = "1", expiresIn = 3600 })));
    }

    [Theory, MemberData(nameof(EveryMode))]
    public async Task A_fiat_price_is_refused_in_the_evidence_shape_with_not_implemented(SandboxDialect dialect, SandboxShape shape)
    {
        var api = await Fresh(dialect, shape);
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
        var api = await Fresh(dialect, shape);
        var created = await api.Post("api/v1/invoices", new { priceCurrency = "TONCOIN", priceAmount = "1", callback = new { payload = new { orderId = 42, tags = new[] { "a", "b" } } } });
        var read = await api.Get("api/v1/invoice?invoiceId=" + created.S("id"));
        var payload = read.Body.GetProperty("callback").GetProperty("payload");
        Assert.Equal(42, payload.GetProperty("orderId").GetInt32());
        Assert.Equal("b", payload.GetProperty("tags")[1].GetString());
    }
}
