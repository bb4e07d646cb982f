namespace XRocketPay.PowerShell.Commands.Invoices;

/// <summary>Lists the payments of an invoice.</summary>
[Cmdlet(VerbsCommon.Get, "XRocketInvoicePayment", DefaultParameterSetName = ParameterSets.ById, SupportsPaging = true)]
[OutputType(typeof(InvoicePayment))]
public sealed class GetXRocketInvoicePaymentCommand : InvoicePaymentCmdlet
{
    protected override void ProcessRecord()
    {
        if (ReadReference() is not { } reference)
        {
            return;
        }

        Try(ReferenceTarget, () => WriteList((client, cursor, ct) => client.ListInvoicePaymentsPageAsync(reference, cursor, null, ct)));
    }
}
