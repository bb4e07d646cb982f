namespace XRocketPay.PowerShell.Commands.Invoices;

/// <summary>Gets a blockchain address to pay an invoice on a network.</summary>
[Cmdlet(VerbsCommon.New, "XRocketInvoicePaymentAddress", DefaultParameterSetName = ParameterSets.ById, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(InvoicePaymentAddress))]
public sealed class NewXRocketInvoicePaymentAddressCommand : InvoicePaymentCmdlet
{
    [Parameter(Mandatory = true, Position = 1)]
    [ArgumentCompleter(typeof(NetworkCompleter))]
    public string Network { get; set; } = "";

    protected override void ProcessRecord()
    {
        if (ReadReference() is not { } reference)
        {
            return;
        }

        var network = Network.Trim().ToUpperInvariant();
        if (!Report(InputRules.Network(ReferenceConnection, network, nameof(Network), ReferenceTarget)))
        {
            return;
        }

        if (Confirmed($"Invoice {reference}", $"Create a {network} payment address"))
        {
            Try(ReferenceTarget, () => WriteObject(Call((client, ct) => client.CreateInvoicePaymentAddressAsync(reference, network, ct))));
        }
    }
}
