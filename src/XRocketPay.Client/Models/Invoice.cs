namespace XRocketPay.Client.Models;

/// <summary>Status values are open-ended strings: these are the known ones. Compare exactly; expect others.</summary>
public static class InvoiceStatus
{
    public const string Active = "active";
    public const string Paid = "paid";
    public const string PartiallyPaid = "partially_paid";
    public const string Expired = "expired";
    public const string Cancelled = "cancelled";

    /// <summary>Every known value (SOURCES §4): the module's typo warnings and completion both read this list.</summary>
    public static IReadOnlyList<string> Known { get; } = new[] { Active, Paid, PartiallyPaid, Expired, Cancelled };
}
public sealed class InvoiceCustomer
{
    [JsonPropertyName(Fields.Id)] public string? Id { get; init; }
    [JsonPropertyName(Fields.Email)] public string? Email { get; init; }
    [JsonPropertyName(Fields.TelegramId)] public string? TelegramId { get; init; }
    [JsonPropertyName(Fields.TelegramUsername)] public string? TelegramUsername { get; init; }
}
public sealed class Invoice
{
    [JsonPropertyName(Fields.Id)] public string Id { get; init; } = "";
    [JsonPropertyName(Fields.ClientInvoiceId)] public string? ClientInvoiceId { get; init; }
    [JsonPropertyName(Fields.PriceAmount)] public decimal? PriceAmount { get; init; }
    [JsonPropertyName(Fields.MinPayment)] public decimal? MinPayment { get; init; }
    [JsonPropertyName(Fields.PriceCurrency)] public string? PriceCurrency { get; init; }
    [JsonPropertyName(Fields.PayCurrencies)] public IReadOnlyList<string>? PayCurrencies { get; init; }
    [JsonPropertyName(Fields.NumPayments)] public int? NumPayments { get; init; }
    [JsonPropertyName(Fields.Description)] public string? Description { get; init; }
    /// <summary>The expiry as the API echoes it, in the unit the server reads (milliseconds by the contract); see <see cref="ExpiresInSec"/>.</summary>
    [JsonPropertyName(Fields.ExpiresIn)] public long? ExpiresIn { get; init; }

    /// <summary>
    /// How long the invoice stays open, in seconds (as <c>-ExpiresInSec</c> took it): <see cref="ExpiresAt"/> −
    /// <see cref="CreatedAt"/>, whatever unit the server reads <see cref="ExpiresIn"/> in; null without both times.
    /// </summary>
    [JsonIgnore] public long? ExpiresInSec => ExpiresAt is { } expires && CreatedAt is { } created
        ? (long)Math.Round((expires - created).TotalSeconds, MidpointRounding.AwayFromZero) : null;
    [JsonPropertyName(Fields.CreatedAt)] public DateTimeOffset? CreatedAt { get; init; }
    [JsonPropertyName(Fields.ExpiresAt)] public DateTimeOffset? ExpiresAt { get; init; }
    [JsonPropertyName(Fields.Status)] public string? Status { get; init; }
    [JsonPropertyName(Fields.Callback)] public Callback? Callback { get; init; }
    [JsonPropertyName(Fields.Url)] public RedirectUrls? Url { get; init; }
    [JsonPropertyName(Fields.Customer)] public InvoiceCustomer? Customer { get; init; }
    [JsonPropertyName(Fields.Links)] public Links? Links { get; init; }

    /// <summary>The module's one name for the id: every resource has <c>&lt;Resource&gt;Id</c> (the API calls it <c>id</c>, kept as <see cref="Id"/>).</summary>
    [JsonIgnore] public string InvoiceId => Id;

    /// <summary>The link to send to the payer (from <see cref="Links"/>).</summary>
    [JsonIgnore] public string? Link => Links?.Link;

    /// <summary>How a price given in fiat was turned into <see cref="PriceAmount"/> (null when priced in the asset; filled by the client, not the API).</summary>
    [JsonIgnore] public XRocketFiatPrice? FiatPrice { get; internal set; }

    /// <summary>The fiat currency the price was given in (<see cref="FiatPrice"/>).</summary>
    [JsonIgnore] public string? Fiat => FiatPrice?.Fiat;

    [JsonIgnore] public decimal? FiatAmount => FiatPrice?.FiatAmount;

    /// <summary>The price of 1 <see cref="PriceCurrency"/> in <see cref="Fiat"/> the amount was computed at.</summary>
    [JsonIgnore] public decimal? Rate => FiatPrice?.Rate;

    /// <summary>The <c>callback.payload</c> the invoice carries (a JSON object), or null.</summary>
    [JsonIgnore] public JsonElement? CallbackPayload => Callback?.Payload;

    public override string ToString() => $"Invoice {Id} {Status}";
}

public sealed class CreateInvoiceRequest
{
    [JsonPropertyName(Fields.PriceCurrency)] public string PriceCurrency { get; set; } = "";

    /// <summary>Null for an open-amount invoice.</summary>
    [JsonPropertyName(Fields.PriceAmount)] public decimal? PriceAmount { get; set; }
    [JsonPropertyName(Fields.MinPayment)] public decimal? MinPayment { get; set; }
    [JsonPropertyName(Fields.NumPayments)] public int? NumPayments { get; set; }
    [JsonPropertyName(Fields.PayoutCurrency)] public string? PayoutCurrency { get; set; }
    [JsonPropertyName(Fields.PayCurrencies)] public List<string>? PayCurrencies { get; set; }
    [JsonPropertyName(Fields.ClientInvoiceId)] public string? ClientInvoiceId { get; set; }
    [JsonPropertyName(Fields.Description)] public string? Description { get; set; }

    /// <summary>How long the invoice stays open; null for the API's default (1 hour), <see cref="NeverExpires"/> for never. Sent as <see cref="ExpiresIn"/>.</summary>
    [JsonIgnore] public TimeSpan? Expiry { get; set; }

    /// <summary>The <see cref="Expiry"/> that asks the invoice never to expire (expiresIn 0; SOURCES §8.7).</summary>
    public static TimeSpan NeverExpires => InvoiceExpiry.Never;

    /// <summary>When the invoice will expire, in words: "expires after 30 minutes", "never expires", or the server's default.</summary>
    [JsonIgnore] public string ExpiryPlan => InvoiceExpiry.Plan(Expiry);

    /// <summary>The wire value of <see cref="Expiry"/>, in the unit this client's server reads (<see cref="XRocketInvoiceExpiryUnit"/>); set by the client.</summary>
    [JsonPropertyName(Fields.ExpiresIn)] public long? ExpiresIn { get; internal set; }
    [JsonPropertyName(Fields.Callback)] public Callback? Callback { get; set; }
    [JsonPropertyName(Fields.Url)] public RedirectUrls? Url { get; set; }
    [JsonPropertyName(Fields.Customer)] public InvoiceCustomer? Customer { get; set; }
    [JsonPropertyName(Fields.IsFeePaidByUser)] public bool? IsFeePaidByUser { get; set; }
    [JsonPropertyName(Fields.Data)] public JsonElement? Data { get; set; }
    [JsonPropertyName(Fields.PlatformId)] public string? PlatformId { get; set; }

    /// <summary>The fiat price <see cref="PriceAmount"/> was computed from (<see cref="XRocketClient.PriceInFiatAsync"/>); not sent, put on the created invoice.</summary>
    [JsonIgnore] public XRocketFiatPrice? FiatPrice { get; set; }
}
