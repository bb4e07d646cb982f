using System.Text.Json;
using XRocketPay.Client.Models;

namespace XRocketPay.Client.Tests;

/// <summary>Issue 22: invoices as the live API reads them: the expiry unit, fiat prices, payload objects, rates.</summary>
public abstract class InvoiceReadingTests
{
    private static readonly TimeSpan HalfHour = TimeSpan.FromMinutes(30);
    private readonly SandboxFixture _sandbox;

    protected InvoiceReadingTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }

    private void ServerReads(string unit) => _sandbox.SetConfig(new { invoiceExpiryUnit = unit });

    private static Task<XRocketCreateResult<Invoice>> HalfHourInvoice(XRocketClient client) =>
        client.CreateInvoiceAsync(new CreateInvoiceRequest { PriceCurrency = "USDT", PriceAmount = 1m, Expiry = HalfHour });

    private static TimeSpan OpenFor(Invoice invoice) => invoice.ExpiresAt!.Value - invoice.CreatedAt!.Value;

    private long LastExpiresInSent()
    {
        using var body = JsonDocument.Parse(_sandbox.Requests("POST", "/api/v1/invoices").Last().Body!);
        return body.RootElement.GetProperty("expiresIn").GetInt64();
    }

    [Fact]
    public async Task A_server_reading_milliseconds_is_never_warned_about()
    {
        var client = _sandbox.Client();
        Assert.Equal(XRocketInvoiceExpiryUnit.Auto, client.InvoiceExpiryUnit);
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var created = await HalfHourInvoice(client);
            Assert.Empty(created.Warnings);
            Assert.Equal(HalfHour, OpenFor(created.Value));
            Assert.Equal(1_800_000, LastExpiresInSent());
        }

        Assert.Equal(XRocketInvoiceExpiryUnit.Milliseconds, client.InvoiceExpiryUnit);
    }

    [Fact]
    public async Task A_server_reading_seconds_is_warned_about_once_and_later_invoices_are_right()
    {
        ServerReads("seconds");
        var client = _sandbox.Client();
        var first = await HalfHourInvoice(client);
        var warning = Assert.Single(first.Warnings);
        Assert.Contains("as seconds, not milliseconds", warning);
        Assert.Contains(first.Value.Id, warning);
        Assert.Contains(first.Value.ExpiresAt!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), warning);
        Assert.Contains("Remove-XRocketInvoice -Id " + first.Value.Id, warning);
        Assert.Equal(TimeSpan.FromSeconds(1_800_000), OpenFor(first.Value));
        Assert.Equal(XRocketInvoiceExpiryUnit.Seconds, client.InvoiceExpiryUnit);

        foreach (var _ in Enumerable.Range(0, 2))
        {
            var later = await HalfHourInvoice(client);
            Assert.Empty(later.Warnings);
            Assert.Equal(HalfHour, OpenFor(later.Value));
            Assert.Equal(1800, LastExpiresInSent());
        }
    }

    [Fact]
    public async Task A_unit_fixed_by_the_caller_is_sent_as_given_and_a_wrong_one_is_reported_every_time()
    {
        ServerReads("seconds");
        var right = _sandbox.Client(configure: o => o.InvoiceExpiryUnit = XRocketInvoiceExpiryUnit.Seconds);
        var created = await HalfHourInvoice(right);
        Assert.Empty(created.Warnings);
        Assert.Equal(HalfHour, OpenFor(created.Value));

        var wrong = _sandbox.Client(configure: o => o.InvoiceExpiryUnit = XRocketInvoiceExpiryUnit.Milliseconds);
        foreach (var _ in Enumerable.Range(0, 2))
        {
            Assert.Contains("-InvoiceExpiryUnit Seconds or Auto", Assert.Single((await HalfHourInvoice(wrong)).Warnings));
        }

        Assert.Equal(XRocketInvoiceExpiryUnit.Milliseconds, wrong.InvoiceExpiryUnit);
    }

    [Fact]
    public void The_expiry_check_uses_the_request_time_when_the_answer_has_no_createdAt()
    {
        var check = new InvoiceExpiry(XRocketInvoiceExpiryUnit.Auto);
        var requestedAt = DateTimeOffset.UtcNow;
        var invoice = new Invoice { Id = "7", ExpiresAt = requestedAt.AddSeconds(1_800_000) };
        Assert.NotNull(check.Check(invoice, HalfHour, XRocketInvoiceExpiryUnit.Milliseconds, requestedAt));
        Assert.Equal(XRocketInvoiceExpiryUnit.Seconds, check.SentUnit);
        var read = new Invoice { Id = "8", ExpiresAt = requestedAt.AddMilliseconds(1800) };
        Assert.Contains("as milliseconds, not seconds", check.Check(read, HalfHour, XRocketInvoiceExpiryUnit.Seconds, requestedAt));
        Assert.Equal(XRocketInvoiceExpiryUnit.Milliseconds, check.SentUnit);
    }

    [Theory]
    [InlineData("TONCOIN", "USD", "500")]
    [InlineData("TONCOIN", "EUR", "500")]
    [InlineData("USDT", "EUR", "500")]
    [InlineData("BTC", "USD", "19.99")]
    [InlineData("NOT", "EUR", "0.01")]
    public async Task A_fiat_price_is_never_less_than_the_exact_conversion_and_less_than_one_last_decimal_above_it(string asset, string fiat, string amount)
    {
        var client = _sandbox.Client();
        var fiatAmount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
        var price = await client.PriceInFiatAsync(asset, fiatAmount, fiat);
        var rate = (await client.GetRatesAsync(fiat, new[] { asset })).Single();
        Assert.Equal(rate.Value, price.Rate);
        var unit = 1m;
        for (var i = 0; i < price.Decimals; i++)
        {
            unit /= 10m;
        }

        Assert.Equal(asset == "USDT" ? 6 : asset == "BTC" ? 8 : 9, price.Decimals);
        Assert.True(price.Amount * price.Rate >= fiatAmount, $"{price} is less than {fiatAmount} {fiat}");
        Assert.True((price.Amount - unit) * price.Rate < fiatAmount, $"{price} is a whole last decimal too much");
        Assert.Equal(price.Amount, decimal.Round(price.Amount, price.Decimals));
    }

    [Fact]
    public async Task Each_fiat_price_reads_the_rate_afresh_and_the_invoice_carries_it()
    {
        var client = _sandbox.Client();
        var first = await client.PriceInFiatAsync("TONCOIN", 500m, "EUR");
        var second = await client.PriceInFiatAsync("TONCOIN", 500m, "EUR");
        Assert.Equal(2, _sandbox.Requests("GET", "/api/v1/rates").Count);
        Assert.Equal(first.Amount, second.Amount);

        var invoice = (await client.CreateInvoiceAsync(new CreateInvoiceRequest { PriceCurrency = "TONCOIN", PriceAmount = second.Amount, FiatPrice = second })).Value;
        Assert.Equal(second.Amount, invoice.PriceAmount);
        Assert.Equal("EUR", invoice.Fiat);
        Assert.Equal(500m, invoice.FiatAmount);
        Assert.Equal(second.Rate, invoice.Rate);
    }

    [Fact]
    public async Task A_rate_is_the_price_of_one_asset_in_the_base()
    {
        var rate = (await _sandbox.Client().GetRatesAsync("USD", new[] { "BTC" })).Single();
        Assert.Equal("price of 1 BTC in USD", rate.Meaning);
        Assert.Equal(130_000m, rate.BaseAmountFor(2m));
        Assert.Equal(2m, rate.AssetAmountFor(130_000m));
    }

    [Fact]
    public async Task A_callback_payload_goes_round_trip_through_the_invoice_and_its_webhook()
    {
        var client = _sandbox.Client();
        var sink = _sandbox.WebhookSink.ToString();
        using var payload = JsonDocument.Parse("""{"orderId":"A-17","lines":[{"sku":"x","qty":2}],"gift":true}""");
        var created = await client.CreateInvoiceAsync(new CreateInvoiceRequest { PriceCurrency = "TONCOIN", PriceAmount = 1m, Callback = Callback.For(sink, payload.RootElement.Clone()) });
        var read = await client.GetInvoiceAsync(XRocketRef.ById(created.Value.Id));
        Assert.Equal("A-17", read.CallbackPayload!.Value.GetProperty("orderId").GetString());

        await client.PayInvoiceTestAsync(XRocketRef.ById(created.Value.Id));
        var items = _sandbox.ReceivedWebhooks();
        for (var i = 0; i < 200 && items.Count == 0; i++)
        {
            await Task.Delay(25);
            items = _sandbox.ReceivedWebhooks();
        }

        var envelope = XRocketWebhook.Parse(items[0].Body);
        var echoed = envelope.Invoice!.CallbackPayload!.Value;
        Assert.Equal(2, echoed.GetProperty("lines")[0].GetProperty("qty").GetInt32());
        Assert.True(echoed.GetProperty("gift").GetBoolean());
    }

    [Fact]
    public void A_payload_that_is_not_an_object_or_over_4_KB_has_a_problem()
    {
        using var text = JsonDocument.Parse("\"order-1\"");
        Assert.Contains("JSON object", Callback.PayloadProblem(text.RootElement));
        using var big = JsonDocument.Parse(JsonSerializer.Serialize(new { note = new string('x', 4100) }));
        Assert.Contains("4096", Callback.PayloadProblem(big.RootElement));
        using var fits = JsonDocument.Parse(JsonSerializer.Serialize(new { note = new string('x', 4000) }));
        Assert.Null(Callback.PayloadProblem(fits.RootElement));
    }

    [Fact]
    public void An_invoice_asked_never_to_expire_is_checked_and_the_plan_says_when_it_expires()
    {
        var check = new InvoiceExpiry(XRocketInvoiceExpiryUnit.Auto);
        var now = DateTimeOffset.UtcNow;
        Assert.Null(check.Check(new Invoice { Id = "1" }, CreateInvoiceRequest.NeverExpires, XRocketInvoiceExpiryUnit.Milliseconds, now));
        Assert.Contains("asked never to expire", check.Check(new Invoice { Id = "2", ExpiresAt = now.AddHours(1) }, CreateInvoiceRequest.NeverExpires, XRocketInvoiceExpiryUnit.Milliseconds, now));
        Assert.Equal("expires after the server's default (1 hour per the API's spec)", new CreateInvoiceRequest().ExpiryPlan);
        Assert.Equal("never expires", new CreateInvoiceRequest { Expiry = CreateInvoiceRequest.NeverExpires }.ExpiryPlan);
        Assert.Equal("expires after 90 seconds", new CreateInvoiceRequest { Expiry = TimeSpan.FromSeconds(90) }.ExpiryPlan);
    }

    [Fact]
    public void A_reused_client_invoice_id_differs_by_every_field_the_invoice_shows_the_description_included()
    {
        var existing = new Invoice { Id = "1", PriceCurrency = "USDT", PriceAmount = 5m, NumPayments = 1, Description = "old", PayCurrencies = new[] { "USDT" } };
        Assert.Empty(XRocketClient.InvoiceDifferences(existing, new CreateInvoiceRequest { PriceCurrency = "USDT", PriceAmount = 5m, Description = "old" }));
        Assert.Equal(new[] { "description" }, XRocketClient.InvoiceDifferences(existing, new CreateInvoiceRequest { PriceCurrency = "USDT", PriceAmount = 5m, Description = "new" }));
        Assert.Equal(new[] { "description" }, XRocketClient.InvoiceDifferences(existing, new CreateInvoiceRequest { PriceCurrency = "USDT", PriceAmount = 5m }));
        Assert.Equal(new[] { "priceAmount", "minPayment", "numPayments" },
            XRocketClient.InvoiceDifferences(existing, new CreateInvoiceRequest { PriceCurrency = "USDT", MinPayment = 1m, NumPayments = 2, Description = "old" }));
        // A field the answer leaves out is not compared.
        Assert.Empty(XRocketClient.InvoiceDifferences(new Invoice { Id = "2", PriceCurrency = "USDT", PriceAmount = 5m }, new CreateInvoiceRequest { PriceCurrency = "USDT", PriceAmount = 5m, NumPayments = 3 }));
    }
}
