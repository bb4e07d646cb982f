using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using XRocketPay.Client;
using XRocketPay.Client.Models;
using XRocketPay.PowerShell.Infrastructure;

namespace XRocketPay.PowerShell.Commands.Invoices;

/// <summary>Creates an invoice a Telegram user can pay (a fixed or an open amount).</summary>
[Cmdlet(VerbsCommon.New, "XRocketInvoice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(Invoice))]
public sealed class NewXRocketInvoiceCommand : XRocketCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Asset", "PriceCurrency")]
    [ArgumentCompleter(typeof(AssetCompleter))]
    public string Currency { get; set; } = "";

    /// <summary>The price; omit for an open-amount invoice.</summary>
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
    [ArgumentCompleter(typeof(AssetCompleter))]
    public string[]? PayCurrency { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? ExpiresInSeconds { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? ClientInvoiceId { get; set; }

    [Parameter]
    public string? CallbackUrl { get; set; }

    [Parameter]
    public string? SuccessUrl { get; set; }

    [Parameter]
    public string? CancelUrl { get; set; }

    protected override void ProcessRecord()
    {
        var target = this.BoundTarget();
        if (!this.TryRead(Amount, nameof(Amount), required: false, target, out var amount) ||
            !this.TryRead(MinPayment, nameof(MinPayment), required: false, target, out var minPayment))
        {
            return;
        }

        var currency = Currency.Trim().ToUpperInvariant();
        var clientId = string.IsNullOrWhiteSpace(ClientInvoiceId) ? "xrp-" + Guid.NewGuid().ToString("N") : ClientInvoiceId!.Trim();
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
            ExpiresIn = ExpiresInSeconds is { } seconds ? seconds * 1000L : null,
            ClientInvoiceId = clientId,
            Callback = CallbackUrl is null ? null : new Callback { CallbackUrl = CallbackUrl },
            Url = SuccessUrl is null && CancelUrl is null ? null : new RedirectUrls { SuccessUrl = SuccessUrl, CancelUrl = CancelUrl },
        };
        Try(target, () =>
        {
            var created = Call((client, ct) => client.CreateInvoiceAsync(request, ct));
            if (created.Outcome == XRocketOutcome.AlreadyDone)
            {
                WriteWarning($"Invoice with client id '{clientId}' already existed with the same data; returning it.");
            }

            WriteObject(created.Value);
        });
    }
}

/// <summary>Gets an invoice by id or client id, or lists invoices.</summary>
[Cmdlet(VerbsCommon.Get, "XRocketInvoice", DefaultParameterSetName = ParameterSets.List, SupportsPaging = true)]
[OutputType(typeof(Invoice))]
public sealed class GetXRocketInvoiceCommand : GetOrListCmdlet<Invoice>
{
    [Parameter(ParameterSetName = ParameterSets.ById, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("InvoiceId")]
    public string? Id { get; set; }

    [Parameter(ParameterSetName = ParameterSets.ByClientId, Mandatory = true)]
    public string? ClientInvoiceId { get; set; }

    [Parameter(ParameterSetName = ParameterSets.List)]
    [ArgumentCompleter(typeof(AssetCompleter))]
    public string? Asset { get; set; }

    [Parameter(ParameterSetName = ParameterSets.List)]
    public string? Status { get; set; }

    protected override string? ServerId => Id;

    protected override string? ClientId => ClientInvoiceId;

    protected override ListFilter Filter() => new() { Asset = Asset?.ToUpperInvariant(), Status = Status };

    protected override Task<Invoice> GetAsync(XRocketClient client, XRocketRef reference, CancellationToken cancellationToken) =>
        client.GetInvoiceAsync(reference, cancellationToken);

    protected override Task<XRocketPage<Invoice>> ListPageAsync(XRocketClient client, ListFilter filter, string? cursor, CancellationToken cancellationToken) =>
        client.ListInvoicesPageAsync(filter, cursor, cancellationToken);
}

/// <summary>Deletes an invoice that has no payments.</summary>
[Cmdlet(VerbsCommon.Remove, "XRocketInvoice", DefaultParameterSetName = ParameterSets.ById, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
public sealed class RemoveXRocketInvoiceCommand : XRocketCmdlet
{
    [Parameter(ParameterSetName = ParameterSets.ById, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("InvoiceId")]
    public string? Id { get; set; }

    [Parameter(ParameterSetName = ParameterSets.ByClientId, Mandatory = true)]
    public string? ClientInvoiceId { get; set; }

    protected override void ProcessRecord()
    {
        var reference = ParameterSets.Reference(Id, ClientInvoiceId);
        if (ShouldProcess($"Invoice {reference}", "Delete the invoice"))
        {
            Try(Id ?? ClientInvoiceId, () => Call((client, ct) => client.DeleteInvoiceAsync(reference, ct)));
        }
    }
}

/// <summary>Lists the payments of an invoice.</summary>
[Cmdlet(VerbsCommon.Get, "XRocketInvoicePayment", DefaultParameterSetName = ParameterSets.ById, SupportsPaging = true)]
[OutputType(typeof(InvoicePayment))]
public sealed class GetXRocketInvoicePaymentCommand : XRocketCmdlet
{
    [Parameter(ParameterSetName = ParameterSets.ById, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public string? InvoiceId { get; set; }

    [Parameter(ParameterSetName = ParameterSets.ByClientId, Mandatory = true)]
    public string? ClientInvoiceId { get; set; }

    protected override void ProcessRecord()
    {
        var reference = ParameterSets.Reference(InvoiceId, ClientInvoiceId);
        Try(InvoiceId ?? ClientInvoiceId, () => WriteList((client, cursor, ct) => client.ListInvoicePaymentsPageAsync(reference, cursor, null, ct)));
    }
}

/// <summary>Gets a blockchain address to pay an invoice on a network.</summary>
[Cmdlet(VerbsCommon.New, "XRocketInvoicePaymentAddress", DefaultParameterSetName = ParameterSets.ById, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(InvoicePaymentAddress))]
public sealed class NewXRocketInvoicePaymentAddressCommand : XRocketCmdlet
{
    [Parameter(ParameterSetName = ParameterSets.ById, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public string? InvoiceId { get; set; }

    [Parameter(ParameterSetName = ParameterSets.ByClientId, Mandatory = true)]
    public string? ClientInvoiceId { get; set; }

    [Parameter(Mandatory = true, Position = 1)]
    [ArgumentCompleter(typeof(NetworkCompleter))]
    public string Network { get; set; } = "";

    protected override void ProcessRecord()
    {
        var reference = ParameterSets.Reference(InvoiceId, ClientInvoiceId);
        var network = Network.Trim().ToUpperInvariant();
        if (ShouldProcess($"Invoice {reference}", $"Create a {network} payment address"))
        {
            Try(InvoiceId ?? ClientInvoiceId, () => WriteObject(Call((client, ct) => client.CreateInvoicePaymentAddressAsync(reference, network, ct))));
        }
    }
}

/// <summary>Pays an invoice for testing. Sandbox and testnet only: refused on Production before anything is sent.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "XRocketInvoicePayment", DefaultParameterSetName = ParameterSets.ById, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Invoice))]
public sealed class InvokeXRocketInvoicePaymentCommand : XRocketCmdlet
{
    [Parameter(ParameterSetName = ParameterSets.ById, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public string? InvoiceId { get; set; }

    [Parameter(ParameterSetName = ParameterSets.ByClientId, Mandatory = true)]
    public string? ClientInvoiceId { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(AssetCompleter))]
    public string? PayCurrency { get; set; }

    /// <summary>For open-amount invoices.</summary>
    [Parameter]
    [MoneyTransformation]
    public AmountArgument? Amount { get; set; }

    protected override void ProcessRecord()
    {
        var reference = ParameterSets.Reference(InvoiceId, ClientInvoiceId);
        if (!this.TryRead(Amount, nameof(Amount), required: false, this.BoundTarget(), out var amount))
        {
            return;
        }

        if (!ShouldProcess($"Invoice {reference}", "Pay the invoice with test funds"))
        {
            return;
        }

        if (ActiveConnection.Environment == nameof(XRocketEnvironment.Production) || ActiveConnection.BaseUri == XRocketClientOptions.ProductionUri)
        {
            WriteError(ErrorRecords.Input(InputErrorIds.TestOnlyOperation,
                "Invoke-XRocketInvoicePayment pays with test funds: it works on the sandbox and testnet, never on Production. Nothing was sent.",
                InvoiceId ?? ClientInvoiceId, ErrorCategory.PermissionDenied));
            return;
        }

        var request = new TestPayInvoiceRequest { PayCurrency = PayCurrency?.ToUpperInvariant(), Amount = amount };
        Try(InvoiceId ?? ClientInvoiceId, () => WriteObject(Call((client, ct) => client.PayInvoiceTestAsync(reference, request, ct))));
    }
}
