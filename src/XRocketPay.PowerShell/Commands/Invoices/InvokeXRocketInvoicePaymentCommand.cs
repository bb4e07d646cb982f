namespace XRocketPay.PowerShell.Commands.Invoices;

/// <summary>Pays an invoice for testing. Sandbox and testnet only: refused on a production host (Production, Exchange) before anything is sent.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "XRocketInvoicePayment", DefaultParameterSetName = ParameterSets.ById, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Invoice))]
public sealed class InvokeXRocketInvoicePaymentCommand : InvoicePaymentCmdlet
{
    [Parameter]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(AssetCompleter))]
    public string? PayCurrency { get; set; }

    /// <summary>For open-amount invoices.</summary>
    [Parameter]
    [MoneyTransformation]
    public XRocketAmount? Amount { get; set; }

    protected override void ProcessRecord()
    {
        if (ReadReference() is not { } reference)
        {
            return;
        }

        decimal? amount = null;
        var payCurrencyError = PayCurrency is null ? null : InputRules.Asset(ReferenceConnection, PayCurrency, nameof(PayCurrency), BoundTarget());
        if ((payCurrencyError ?? InputRules.Amount(Amount, nameof(Amount), required: false, BoundTarget(), out amount)) is { } error)
        {
            WriteError(error);
            return;
        }

        if (!Confirmed($"Invoice {reference}", "Pay the invoice with test funds"))
        {
            return;
        }

        if (ActiveConnection.Client.Options.IsProduction)
        {
            WriteError(ErrorRecords.Input(ModuleErrorIds.TestOnlyOperation,
                "Invoke-XRocketInvoicePayment pays with test funds: it works on the sandbox and testnet, never on a production host (Production, Exchange). Nothing was sent.",
                ReferenceTarget, ErrorCategory.PermissionDenied));
            return;
        }

        var request = new TestPayInvoiceRequest { PayCurrency = PayCurrency?.ToUpperInvariant(), Amount = amount };
        Try(ReferenceTarget, () => WriteObject(Call((client, ct) => client.PayInvoiceTestAsync(reference, request, ct))));
    }
}
