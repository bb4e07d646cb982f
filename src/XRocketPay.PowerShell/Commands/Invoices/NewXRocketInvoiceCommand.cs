namespace XRocketPay.PowerShell.Commands.Invoices;

/// <summary>Creates an invoice a Telegram user can pay (a fixed or an open amount).</summary>
[Cmdlet(VerbsCommon.New, "XRocketInvoice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(Invoice))]
public sealed class NewXRocketInvoiceCommand : XRocketCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Asset", "PriceCurrency")]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(AssetCompleter))]
    public string Currency { get; set; } = "";

    /// <summary>The price; leave it out for an open-amount invoice.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [MoneyTransformation]
    public AmountArgument? Amount { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [MoneyTransformation]
    public AmountArgument? MinPayment { get; set; }

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

    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    [Alias("ExpiresInSeconds")]
    public int? ExpiresInSec { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string? ClientInvoiceId { get; set; }

    [Parameter]
    public string? CallbackUrl { get; set; }

    [Parameter]
    public string? SuccessUrl { get; set; }

    [Parameter]
    public string? CancelUrl { get; set; }

    protected override void ProcessRecord()
    {
        var clientId = ClientIds.Resolve(ClientInvoiceId);
        var target = BoundTarget();
        target.Properties.Add(new PSNoteProperty("ResolvedClientInvoiceId", clientId));
        // An amount given but empty is MissingParameter, never an open-amount invoice (issue 14 item 6).
        var amountError = AmountArgument.Check(Amount, nameof(Amount), required: false, target, out var amount);
        var minPaymentError = AmountArgument.Check(MinPayment, nameof(MinPayment), required: false, target, out var minPayment);
        // The API needs a price or a minimum payment; say so in this cmdlet's words, before anything is sent.
        minPaymentError ??= Amount is null && MinPayment is null
            ? ErrorRecords.Input(InputErrorIds.MissingParameter, "Give -Amount for a fixed price, or -MinPayment (the least a payer may pay) for an open amount. Nothing was sent.", target)
            : null;

        // EVIDENCE §5.6: description ≤ 1000, URLs ≤ 500, clientInvoiceId ≤ 100 (§5.8); currencies from the list (§5.4).
        var idError = ClientInvoiceId is { Length: > 0 } given && given.Trim().Length == 0
            ? InputRules.ClientId(ClientInvoiceId, nameof(ClientInvoiceId), target)
            : InputRules.Text(ClientInvoiceId?.Trim(), nameof(ClientInvoiceId), InputRules.MaxId, target);
        var ruleError = idError
            ?? InputRules.Asset(ReferenceConnection, Currency, nameof(Currency), target, cryptoOnly: false)
            ?? PayCurrency?.Select(c => InputRules.Asset(ReferenceConnection, c ?? "", nameof(PayCurrency), target)).FirstOrDefault(e => e is not null)
            ?? InputRules.Text(Description, nameof(Description), InputRules.MaxDescription, target)
            ?? InputRules.Url(CallbackUrl, nameof(CallbackUrl), target)
            ?? InputRules.Url(SuccessUrl, nameof(SuccessUrl), target)
            ?? InputRules.Url(CancelUrl, nameof(CancelUrl), target);
        if ((amountError ?? minPaymentError ?? ruleError) is { } error)
        {
            WriteError(error);
            return;
        }

        var currency = Currency.Trim().ToUpperInvariant();
        var price = amount is { } a ? $"{XRocketMoney.Format(a)} {currency}" : $"an open amount of {currency}";
        if (!ShouldProcess($"Invoice {clientId}", $"Create an invoice for {price}"))
        {
            return;
        }

        var request = new CreateInvoiceRequest
        {
            PriceCurrency = currency,
            PriceAmount = amount,
            MinPayment = minPayment,
            NumPayments = NumPayments,
            PayCurrencies = PayCurrency?.Select(c => c.ToUpperInvariant()).ToList(),
            Description = Description,
            ExpiresIn = ExpiresInSec is { } seconds ? seconds * 1000L : null,
            ClientInvoiceId = clientId,
            Callback = CallbackUrl is null ? null : new Callback { CallbackUrl = CallbackUrl },
            Url = SuccessUrl is null && CancelUrl is null ? null : new RedirectUrls { SuccessUrl = SuccessUrl, CancelUrl = CancelUrl },
        };
        WriteCreated(target, "Invoice", clientId, "", (client, ct) => client.CreateInvoiceAsync(request, ct));
    }
}
