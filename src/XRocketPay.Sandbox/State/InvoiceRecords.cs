using System.Text.Json;

namespace XRocketPay.Sandbox;

internal sealed class InvoicePaymentRecord
{
    public string Id { get; set; } = "";
    public string Status { get; set; } = "paid";
    public DateTimeOffset FinalizedAt { get; set; }
    public decimal PayAmount { get; set; }
    public string PayCurrency { get; set; } = "";
    public decimal ReceiveAmount { get; set; }
    public string ReceiveCurrency { get; set; } = "";

    /// <summary>What this payment paid of the price, in the price currency.</summary>
    public decimal PriceAmount { get; set; }

    public object ToJson() => new
    {
        id = Id, status = Status, finalizedAt = FinalizedAt, payAmount = Money.Format(PayAmount), payCurrency = PayCurrency,
        receiveAmount = Money.Format(ReceiveAmount), receiveCurrency = ReceiveCurrency,
        transactions = new[]
        {
            new
            {
                id = Id + "-1", status = Status, payAmount = Money.Format(PayAmount), payCurrency = PayCurrency,
                receiveAmount = Money.Format(ReceiveAmount), receiveCurrency = ReceiveCurrency, createdAt = FinalizedAt,
                finalizedAt = FinalizedAt, type = "internal",
            },
        },
    };
}

internal sealed class InvoiceRecord : IListed
{
    public long Seq { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string Id { get; set; } = "";
    public string? ClientInvoiceId { get; set; }
    public decimal? PriceAmount { get; set; }
    public decimal? MinPayment { get; set; }
    public string PriceCurrency { get; set; } = "";
    public string? PayoutCurrency { get; set; }
    public List<string> PayCurrencies { get; set; } = new();
    public int NumPayments { get; set; } = 1;
    public string? Description { get; set; }
    public long? ExpiresIn { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public string Status { get; set; } = InvoiceStates.Active;
    public JsonElement? Callback { get; set; }
    public JsonElement? Url { get; set; }
    public JsonElement? Customer { get; set; }
    public JsonElement? Data { get; set; }
    public List<InvoicePaymentRecord> Payments { get; set; } = new();

    /// <summary>
    /// After a payment: paid once every payer paid the price in full; partially paid while a payer paid only
    /// part of it (an open amount is paid by any payment); otherwise still active.
    /// </summary>
    public string StatusAfterPayments()
    {
        if (PriceAmount is not { } price)
        {
            return Payments.Count >= NumPayments ? InvoiceStates.Paid : InvoiceStates.Active;
        }

        var paid = Payments.Sum(p => p.PriceAmount);
        return paid >= price * NumPayments ? InvoiceStates.Paid
            : paid % price != 0 ? InvoiceStates.PartiallyPaid
            : InvoiceStates.Active;
    }

    public object ToJson() => new
    {
        id = Id, priceAmount = PriceAmount is { } p ? Money.Format(p) : null, minPayment = MinPayment is { } m ? Money.Format(m) : null,
        priceCurrency = PriceCurrency, payCurrencies = PayCurrencies, clientInvoiceId = ClientInvoiceId, description = Description,
        expiresIn = ExpiresIn, createdAt = CreatedAt, expiresAt = ExpiresAt, status = Status, numPayments = NumPayments,
        callback = Callback, url = Url, customer = Customer, links = Links.For("inv", Id),
    };
}

internal static class InvoiceStates
{
    public const string Active = "active";
    public const string Paid = "paid";
    public const string PartiallyPaid = "partially_paid";
    public const string Expired = "expired";
}
