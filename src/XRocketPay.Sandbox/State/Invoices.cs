using System.Text.Json;

namespace XRocketPay.Sandbox;

/// <summary>Invoices: active until paid (through the test-only pay route), expired or deleted.</summary>
internal sealed partial class SandboxState
{
    /// <summary>How long an invoice created without expiresIn stays open (SOURCES §5.6: S4's default of 3 600 000 ms).</summary>
    public static readonly TimeSpan DefaultInvoiceExpiry = TimeSpan.FromHours(1);

    public InvoiceRecord CreateInvoice(RequestBody body)
    {
        var priceCurrency = body.RequiredString("priceCurrency", 32);
        if (Catalog.Find(priceCurrency) is not { } price)
        {
            throw Problem.Validation($"'priceCurrency' must be a supported currency; got '{priceCurrency}'.");
        }

        // Production refuses fiat prices (SOURCES §8.1–8.3: N1, N2; S3's not_implemented, a 500 in S4's list).
        if (price.Kind == "fiat" && Config.Shape == SandboxShape.Evidence)
        {
            throw new Problem(500, "not_implemented", "Not implemented", $"Invoices priced in fiat ('{priceCurrency}') are not supported: price them in a crypto asset.", "internal");
        }

        var payCurrencies = body.Array("payCurrencies").Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Problem.Validation("'payCurrencies' must hold strings.")).ToList();
        foreach (var pay in payCurrencies)
        {
            Catalog.Crypto(pay, "payCurrencies");
        }

        // Paid in the price currency only: payCurrencies other than [priceCurrency] is not_implemented (SOURCES §5.6: S3, N2).
        // A fiat price (the full shape's offline demo) is paid in the crypto asset it names.
        if (price.Kind == "crypto" && payCurrencies.Any(pay => !string.Equals(pay, price.Code, StringComparison.OrdinalIgnoreCase)))
        {
            throw new Problem(500, "not_implemented", "Not implemented",
                $"Invoices are paid in their price currency only: 'payCurrencies' must be [\"{price.Code}\"] or left out; got [{string.Join(", ", payCurrencies.Select(p => $"\"{p}\""))}].", "internal");
        }

        var payout = body.String("payoutCurrency", 32);
        if (payout is not null)
        {
            Catalog.Crypto(payout, "payoutCurrency");
        }

        // expiresIn: 0 never expires, left out the default of 3 600 000 ms (SOURCES §5.6: S3; S4, S2), in the unit this sandbox reads.
        var unit = Config.InvoiceExpiryUnit;
        var perMs = unit == SandboxInvoiceExpiryUnit.Seconds ? 1000d : 1d;
        var expiresIn = body.Long("expiresIn") ?? (long)(DefaultInvoiceExpiry.TotalMilliseconds / perMs);
        if (expiresIn < 0)
        {
            throw Problem.Validation($"'expiresIn' must be 0 (never expires) or a positive number of {unit.ToString().ToLowerInvariant()}.");
        }

        var tenYears = TimeSpan.FromDays(3650).TotalMilliseconds / perMs;
        if (expiresIn > tenYears)
        {
            throw Problem.Validation("'expiresIn' is more than ten years.");
        }

        var openFor = expiresIn == 0 ? (TimeSpan?)null : TimeSpan.FromMilliseconds(expiresIn * perMs);

        var numPayments = body.Int("numPayments") ?? 1;
        if (numPayments < 1)
        {
            throw Problem.Validation("'numPayments' must be at least 1.");
        }

        var clientId = body.String("clientInvoiceId", 100);
        var priceAmount = body.Amount("priceAmount");
        var minPayment = body.Amount("minPayment");
        if ((priceAmount is null) == (minPayment is null))
        {
            // Exactly one of the two (SOURCES §5.6, S3).
            throw priceAmount is null
                ? Problem.Business("missing_invoice_amount", "Missing invoice amount", "Give 'priceAmount' or 'minPayment'.")
                : Problem.Business("amount_conflict", "Amount conflict", "Give 'priceAmount' or 'minPayment', not both.");
        }

        var now = DateTimeOffset.UtcNow;
        var invoice = new InvoiceRecord
        {
            CreatedAt = now, ClientInvoiceId = clientId, PriceAmount = priceAmount, MinPayment = minPayment,
            PriceCurrency = priceCurrency, PayoutCurrency = payout, PayCurrencies = payCurrencies, NumPayments = numPayments,
            Description = body.String("description", 1000), ExpiresIn = expiresIn, ExpiresAt = openFor is { } span ? now + span : null,
            Callback = body.Object("callback"), Url = body.Object("url"), Customer = body.Object("customer"), Data = body.Object("data"),
        };
        lock (_gate)
        {
            if (clientId is not null && _data.Invoices.Any(i => i.ClientInvoiceId == clientId))
            {
                throw ClientIdTaken("client_id_already_taken", "clientInvoiceId", clientId);
            }

            invoice.Seq = _data.NextSeq++;
            invoice.Id = NextId();
            _data.Invoices.Add(invoice);
            Persist();
            return invoice;
        }
    }

    public InvoiceRecord GetInvoice(string? id, string? clientId)
    {
        lock (_gate)
        {
            var invoice = Find(_data.Invoices, i => i.Id, i => i.ClientInvoiceId, id, clientId, Lookup.Invoice);
            ExpireIfDue(invoice);
            return invoice;
        }
    }

    public List<InvoiceRecord> Invoices()
    {
        lock (_gate)
        {
            foreach (var invoice in _data.Invoices)
            {
                ExpireIfDue(invoice);
            }

            return _data.Invoices.ToList();
        }
    }

    /// <summary>A deleted invoice is gone: reading it answers 404 invoice_not_found (SOURCES §4, §5.9).</summary>
    public void DeleteInvoice(string? id, string? clientId)
    {
        lock (_gate)
        {
            var invoice = GetInvoice(id, clientId);
            if (invoice.Payments.Count > 0)
            {
                throw Problem.Business("operation_disabled", "Invoice has payments", $"Invoice {invoice.Id} has payments and cannot be deleted.");
            }

            _data.Invoices.Remove(invoice);
            Persist();
        }
    }

    public InvoiceRecord PayInvoiceTest(string? id, string? clientId, RequestBody body)
    {
        lock (_gate)
        {
            var invoice = GetInvoice(id, clientId);
            if (invoice.Status is not (InvoiceStates.Active or InvoiceStates.PartiallyPaid))
            {
                throw Problem.Business("operation_disabled", "Invoice not active", $"Invoice {invoice.Id} is {invoice.Status}.");
            }

            var payCurrency = body.String("payCurrency", 32)
                ?? invoice.PayCurrencies.FirstOrDefault()
                ?? invoice.PayoutCurrency
                ?? (Catalog.Find(invoice.PriceCurrency)?.Kind == "crypto" ? invoice.PriceCurrency : "USDT");
            var pay = Catalog.Crypto(payCurrency, "payCurrency");
            if (invoice.PayCurrencies.Count > 0 && !invoice.PayCurrencies.Contains(pay.Code))
            {
                throw Problem.Validation($"This invoice accepts {string.Join(", ", invoice.PayCurrencies)}; got '{pay.Code}'.");
            }

            // 'amount' is what this payer pays, in the price currency: less than a fixed price is a partial payment.
            var price = Catalog.Find(invoice.PriceCurrency)!;
            var given = body.Amount("amount");
            if (given is <= 0)
            {
                throw Problem.Validation("'amount' must be more than 0.");
            }

            var priceAmount = given ?? invoice.PriceAmount ?? throw Problem.Validation("This invoice has an open amount: give 'amount'.");
            if (invoice.MinPayment is { } min && priceAmount < min)
            {
                throw Problem.Business("amount_less_than_minimum", "Amount too small", $"The minimum payment is {Money.Text(min)} {invoice.PriceCurrency}.");
            }

            var payAmount = pay.Code == price.Code ? priceAmount : Money.Round(priceAmount * price.UsdPrice / pay.UsdPrice);
            var payment = new InvoicePaymentRecord
            {
                Id = NextId(), FinalizedAt = DateTimeOffset.UtcNow, PayAmount = payAmount, PayCurrency = pay.Code,
                ReceiveAmount = payAmount, ReceiveCurrency = pay.Code, PriceAmount = priceAmount,
            };
            invoice.Payments.Add(payment);
            Row(pay.Code).Credits += payAmount;
            invoice.Status = invoice.StatusAfterPayments();
            _webhooks.Enqueue("invoice", new { @event = "invoice_status_changed", invoice = invoice.ToJson(), payment = payment.ToJson() }, invoice.Callback, Config.WebhookSecret);
            Persist();
            return invoice;
        }
    }

    public InvoiceRecord ExpireInvoice(string? id, string? clientId)
    {
        lock (_gate)
        {
            var invoice = GetInvoice(id, clientId);
            if (invoice.Status is InvoiceStates.Active or InvoiceStates.PartiallyPaid)
            {
                invoice.Status = InvoiceStates.Expired;
                invoice.ExpiresAt = DateTimeOffset.UtcNow;
                _webhooks.Enqueue("invoice", new { @event = "invoice_status_changed", invoice = invoice.ToJson() }, invoice.Callback, Config.WebhookSecret);
                Persist();
            }

            return invoice;
        }
    }

    private void ExpireIfDue(InvoiceRecord invoice)
    {
        if (invoice.Status is InvoiceStates.Active or InvoiceStates.PartiallyPaid && invoice.ExpiresAt is { } at && at <= DateTimeOffset.UtcNow)
        {
            invoice.Status = InvoiceStates.Expired;
        }
    }

    public object PaymentAddress(string? id, string? clientId, RequestBody body)
    {
        var network = body.RequiredString("payNetwork", 16);
        if (!Catalog.Networks.Contains(network))
        {
            throw Problem.Validation($"'payNetwork' must be one of {string.Join(", ", Catalog.Networks)}.");
        }

        var invoice = GetInvoice(id, clientId);
        var currency = invoice.PayCurrencies.FirstOrDefault(c => Catalog.Find(c)!.Networks.Contains(network))
            ?? Catalog.Currencies.First(c => c.Networks.Contains(network)).Code;
        return new
        {
            address = Addresses.Fake(network), payCurrency = currency, payNetwork = network,
            expiresAt = invoice.ExpiresAt ?? DateTimeOffset.UtcNow.AddHours(1), minAmount = Money.Format(Catalog.MinimumTransferAmount),
        };
    }
}
