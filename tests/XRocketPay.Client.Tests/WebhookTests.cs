using XRocketPay.Client.Models;
using XRocketPay.Sandbox;

namespace XRocketPay.Client.Tests;

public abstract class WebhookTests
{
    private readonly SandboxFixture _sandbox;

    protected WebhookTests(SandboxFixture sandbox) => _sandbox = sandbox;

    private async Task<(string Body, Dictionary<string, string> Headers)> SandboxSignedDelivery()
    {
        _sandbox.Reset();
        var client = _sandbox.Client();
        var sink = _sandbox.WebhookSink.ToString();
        var invoice = await client.CreateInvoiceAsync(new CreateInvoiceRequest { PriceCurrency = "TONCOIN", PriceAmount = 4m, Callback = new Callback { CallbackUrl = sink } });
        await client.PayInvoiceTestAsync(XRocketRef.ById(invoice.Value.Id));
        for (var i = 0; i < 200; i++)
        {
            var items = _sandbox.ReceivedWebhooks();
            if (items.Count > 0)
            {
                return (items[0].Body, items[0].Headers.ToDictionary());
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("No webhook arrived.");
    }

    [Fact]
    public async Task A_sandbox_signed_delivery_verifies_and_parses()
    {
        var (body, headers) = await SandboxSignedDelivery();
        var result = XRocketWebhook.Verify(body, headers, SandboxOptions.DefaultWebhookSecret, TimeSpan.FromMinutes(5));
        Assert.True(result.IsValid, result.Message);
        var envelope = XRocketWebhook.Parse(body);
        Assert.Equal("invoice", envelope.Type);
        Assert.Equal("invoice_status_changed", envelope.Event);
        Assert.Equal(InvoiceStatus.Paid, envelope.Invoice!.Status);
        Assert.False(string.IsNullOrEmpty(envelope.Id));
    }

    [Fact]
    public async Task Tampered_body_wrong_secret_stale_timestamp_and_missing_headers_are_rejected()
    {
        var (body, headers) = await SandboxSignedDelivery();
        var tolerance = TimeSpan.FromMinutes(5);
        Assert.Equal(XRocketWebhookFailure.InvalidSignature, XRocketWebhook.Verify(body.Replace("\"4\"", "\"400\""), headers, SandboxOptions.DefaultWebhookSecret, tolerance).Failure);
        Assert.Equal(XRocketWebhookFailure.InvalidSignature, XRocketWebhook.Verify(body, headers, "another-secret", tolerance).Failure);
        Assert.Equal(XRocketWebhookFailure.StaleTimestamp, XRocketWebhook.Verify(body, headers, SandboxOptions.DefaultWebhookSecret, tolerance, DateTimeOffset.UtcNow.AddHours(1)).Failure);
        var noSignature = headers.Where(h => !h.Key.Equals("Signature", StringComparison.OrdinalIgnoreCase)).ToDictionary(h => h.Key, h => h.Value);
        Assert.Equal(XRocketWebhookFailure.MissingHeader, XRocketWebhook.Verify(body, noSignature, SandboxOptions.DefaultWebhookSecret, tolerance).Failure);
        var lowerCaseNames = headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value);
        Assert.True(XRocketWebhook.Verify(body, lowerCaseNames, SandboxOptions.DefaultWebhookSecret, tolerance).IsValid);
    }

    [Fact]
    public void Unknown_event_types_parse_without_typed_data()
    {
        var envelope = XRocketWebhook.Parse("{\"id\":\"e1\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"type\":\"something_new\",\"data\":{\"x\":1}}");
        Assert.Equal("something_new", envelope.Type);
        Assert.Null(envelope.Invoice);
        Assert.Null(envelope.Transfer);
        Assert.Equal(1, envelope.Data.GetProperty("x").GetInt32());
        Assert.Throws<FormatException>(() => XRocketWebhook.Parse("not json"));
    }
}
