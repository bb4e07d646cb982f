namespace XRocketPay.PowerShell;

/// <summary>The data of an <c>invoice</c> webhook event: what happened, the invoice, and the payment that changed it (if any).</summary>
public sealed class XRocketInvoiceEvent
{
    internal XRocketInvoiceEvent(string? @event, Invoice? invoice, InvoicePayment? payment)
    {
        Event = @event;
        Invoice = invoice;
        Payment = payment;
    }

    public string? Event { get; }
    public Invoice? Invoice { get; }
    public InvoicePayment? Payment { get; }

    public string? InvoiceId => Invoice?.Id;
    public string? Status => Invoice?.Status;

    public override string ToString() => $"{Event} invoice {InvoiceId} {Status}";
}
