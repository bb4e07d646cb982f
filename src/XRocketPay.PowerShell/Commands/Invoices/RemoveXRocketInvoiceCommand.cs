namespace XRocketPay.PowerShell.Commands.Invoices;

/// <summary>Deletes an invoice that has no payments.</summary>
[Cmdlet(VerbsCommon.Remove, "XRocketInvoice", DefaultParameterSetName = ParameterSets.ById, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
public sealed class RemoveXRocketInvoiceCommand : InvoiceReferenceCmdlet
{
    protected override void ProcessRecord()
    {
        if (ReadReference() is not { } reference)
        {
            return;
        }

        if (Confirmed($"Invoice {reference}", "Delete the invoice"))
        {
            Try(ReferenceTarget, () => Call((client, ct) => client.DeleteInvoiceAsync(reference, ct)));
        }
    }
}
