namespace XRocketPay.PowerShell.Commands.Invoices;

/// <summary>
/// Creates an invoice a Telegram user can pay: a fixed or an open amount of a crypto asset, or a fiat price
/// turned into the asset at the current rate (the API itself refuses fiat prices).
/// </summary>
[Cmdlet(VerbsCommon.New, "XRocketInvoice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = AssetPriceSet)]
[OutputType(typeof(Invoice))]
public sealed class NewXRocketInvoiceCommand : XRocketCmdlet
{
    private const string AssetPriceSet = "AssetPrice";
    private const string FiatPriceSet = "FiatPrice";

    /// <summary>The crypto asset the invoice is priced and paid in.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Asset", "PriceCurrency")]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(AssetCompleter))]
    public string Currency { get; set; } = "";

    /// <summary>The price; leave it out for an open-amount invoice.</summary>
    [Parameter(ParameterSetName = AssetPriceSet, Position = 1, ValueFromPipelineByPropertyName = true)]
    [MoneyTransformation]
    public XRocketAmount? Amount { get; set; }

    [Parameter(ParameterSetName = AssetPriceSet, ValueFromPipelineByPropertyName = true)]
    [MoneyTransformation]
    public XRocketAmount? MinPayment { get; set; }

    /// <summary>The price in <see cref="Fiat"/>: the invoice asks for the asset amount worth it at the rate read now, rounded up.</summary>
    [Parameter(ParameterSetName = FiatPriceSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [MoneyTransformation]
    [AllowNull]
    public XRocketAmount? FiatAmount { get; set; }

    /// <summary>Null or empty (a piped invoice priced in its asset, an empty cell) is this cmdlet's MissingParameter error, not a binding error.</summary>
    [Parameter(ParameterSetName = FiatPriceSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    [ArgumentCompleter(typeof(BaseCurrencyCompleter))]
    public string? Fiat { get; set; }

    [Parameter]
    [ValidateRange(1, 1_000_000)]
    public int? NumPayments { get; set; }

    [Parameter]
    [AllowEmptyString]
    [AllowEmptyCollection]
    [ArgumentCompleter(typeof(AssetCompleter))]
    public string[]? PayCurrency { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    /// <summary>Sent in the unit this connection's server reads (Connect-XRocket -InvoiceExpiryUnit); the answer is checked.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? ExpiresInSec { get; set; }

    /// <summary>Asks for an invoice that never expires (expiresIn 0: one source, SOURCES §8.7); the answer is checked.</summary>
    [Parameter]
    public SwitchParameter NeverExpires { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string? ClientInvoiceId { get; set; }

    [Parameter]
    public string? CallbackUrl { get; set; }

    /// <summary>A hashtable or object (or its JSON text) sent as callback.payload and echoed in webhooks; at most 4 KB as JSON.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    public object? CallbackPayload { get; set; }

    [Parameter]
    public string? SuccessUrl { get; set; }

    [Parameter]
    public string? CancelUrl { get; set; }

    protected override void ProcessRecord()
    {
        var (clientId, target) = CreateTarget(ClientInvoiceId, nameof(ClientInvoiceId));
        // An amount given but empty is MissingParameter, never an open-amount invoice (issue 14 item 6).
        var amountError = InputRules.Amount(Amount, nameof(Amount), required: false, target, out var amount);
        var minPaymentError = InputRules.Amount(MinPayment, nameof(MinPayment), required: false, target, out var minPayment);
        var fiatAmountError = InputRules.Amount(FiatAmount, nameof(FiatAmount), required: ParameterSetName == FiatPriceSet, target, out var fiatAmount);
        // The API needs a price or a minimum payment; say so in this cmdlet's words, before anything is sent.
        minPaymentError ??= ParameterSetName != FiatPriceSet && Amount is null && MinPayment is null
            ? ErrorRecords.Input(ModuleErrorIds.MissingParameter, "Give -Amount for a fixed price, or -MinPayment (the least a payer may pay) for an open amount. Nothing was sent.", target)
            : null;

        // SOURCES §5.6: description ≤ 1000, URLs ≤ 500, clientInvoiceId ≤ 100 (§5.8); currencies from the list (§5.4);
        // a crypto price only (SOURCES §8.2: production refuses fiat prices).
        var idError = ClientInvoiceId is { Length: > 0 } given && given.Trim().Length == 0
            ? InputRules.ClientId(ClientInvoiceId, nameof(ClientInvoiceId), target)
            : InputRules.Text(ClientInvoiceId?.Trim(), nameof(ClientInvoiceId), InputRules.MaxId, target);
        Callback? callback = null;
        var expiryError = NeverExpires && ExpiresInSec is not null
            ? ErrorRecords.Input(ModuleErrorIds.InvalidParameter, "Give -ExpiresInSec or -NeverExpires, not both. Nothing was sent.", target)
            : null;
        var ruleError = idError ?? expiryError
            ?? InputRules.Asset(ReferenceConnection, Currency, nameof(Currency), target, fiatHint: FiatHint())
            ?? (ParameterSetName == FiatPriceSet ? InputRules.Fiat(ReferenceConnection, Fiat ?? "", nameof(Fiat), target) : null)
            ?? PayCurrency?.Select(c => InputRules.Asset(ReferenceConnection, c ?? "", nameof(PayCurrency), target)).FirstOrDefault(e => e is not null)
            ?? OtherPayCurrency(target)
            ?? InputRules.Text(Description, nameof(Description), InputRules.MaxDescription, target)
            ?? InputRules.Callback(CallbackUrl, CallbackPayload, target, out callback)
            ?? InputRules.Url(SuccessUrl, nameof(SuccessUrl), target)
            ?? InputRules.Url(CancelUrl, nameof(CancelUrl), target);
        if ((amountError ?? minPaymentError ?? fiatAmountError ?? ruleError) is { } error)
        {
            WriteError(error);
            return;
        }

        var currency = Currency.Trim().ToUpperInvariant();
        var price = amount is { } a ? $"{XRocketMoney.Format(a)} {currency}" : $"an open amount of {currency}";
        XRocketFiatPrice? fiatPrice = null;
        if (fiatAmount is { } inFiat)
        {
            // A reference read, also under -WhatIf: the rate is read for this invoice alone, never from a cache.
            Try(target, () => fiatPrice = Call((c, ct) => c.PriceInFiatAsync(currency, inFiat, Fiat!.Trim().ToUpperInvariant(), ct)));
            if (fiatPrice is null)
            {
                return;
            }

            amount = fiatPrice.Amount;
            price = $"{XRocketMoney.Format(fiatPrice.Amount)} {currency} ({XRocketMoney.Format(fiatPrice.FiatAmount)} {fiatPrice.Fiat} at " +
                $"{XRocketMoney.Format(fiatPrice.Rate)} {fiatPrice.Fiat} per {currency}, read {fiatPrice.RateReadAt.ToString("HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)}; rounded up to {fiatPrice.Decimals} decimals)";
        }

        var expiry = NeverExpires ? CreateInvoiceRequest.NeverExpires : ExpiresInSec is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;

        var request = new CreateInvoiceRequest
        {
            PriceCurrency = currency,
            PriceAmount = amount,
            MinPayment = minPayment,
            NumPayments = NumPayments,
            PayCurrencies = PayCurrency?.Select(c => c.ToUpperInvariant()).ToList(),
            Description = Description,
            Expiry = expiry,
            ClientInvoiceId = clientId,
            Callback = callback,
            Url = SuccessUrl is null && CancelUrl is null ? null : new RedirectUrls { SuccessUrl = SuccessUrl, CancelUrl = CancelUrl },
            FiatPrice = fiatPrice,
        };
        if (!Confirmed($"Invoice {clientId}", $"Create an invoice for {price} that {request.ExpiryPlan}"))
        {
            return;
        }

        WriteCreated(target, "Invoice", clientId, "", (client, ct) => client.CreateInvoiceAsync(request, ct));
    }

    /// <summary>
    /// The API pays an invoice in its price currency only: payCurrencies other than [priceCurrency] is refused
    /// with not_implemented (SOURCES §8.7: S3, N2), so it is refused here, before anything is sent.
    /// </summary>
    private ErrorRecord? OtherPayCurrency(PSObject target)
    {
        var currency = Currency.Trim().ToUpperInvariant();
        var other = PayCurrency?.Select(c => c.Trim().ToUpperInvariant()).Where(c => c != currency).Distinct().ToList();
        return other is { Count: > 0 }
            ? ErrorRecords.Input(ModuleErrorIds.InvalidParameter,
                $"xRocket Pay pays an invoice in its price currency only (-Currency {currency}); it refuses -PayCurrency {string.Join(", ", other)} (not_implemented). " +
                "Leave -PayCurrency out, or price the invoice in the currency to be paid. Nothing was sent.", target)
            : null;
    }

    private string FiatHint() =>
        $" xRocket Pay prices invoices in a crypto asset (it refuses fiat prices); to price in {Currency.Trim().ToUpperInvariant()}, use " +
        $"-Currency <asset> -FiatAmount <amount> -Fiat {Currency.Trim().ToUpperInvariant()}: the asset amount is computed at the current rate and rounded up.";
}
