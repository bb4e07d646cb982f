namespace XRocketPay.PowerShell.Commands.Invoices;

/// <summary>
/// Waits until invoices are paid (or, with -Until AnyPayment, have a payment) and returns each as soon as
/// its wait is over. Piped invoices are waited for together (<see cref="ReferenceCmdlet.WaitForAll{T}"/>).
/// An invoice that ends unpaid (expired, cancelled, deleted) is returned as last read and also reported as an
/// InvoiceNotPaid error, so scripts notice; one still open at the timeout gets a WaitTimeout error.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "XRocketInvoice", DefaultParameterSetName = ParameterSets.ById)]
[OutputType(typeof(Invoice))]
public sealed class WaitXRocketInvoiceCommand : InvoiceReferenceCmdlet
{
    /// <summary>The -Until value that also ends the wait at the first payment of a multi-payment invoice.</summary>
    internal const string AnyPayment = "AnyPayment";

    /// <summary>
    /// Invoices read in one <c>GET /invoices?ids=</c>: the API's default page (100), so one page holds them
    /// all even where <c>limit</c> were ignored, and the address stays far below common 8 KB URL limits.
    /// </summary>
    private const int MaxIdsPerRead = 100;

    [Parameter]
    [ValidateSet("Paid", AnyPayment)]
    public string Until { get; set; } = "Paid";

    [Parameter]
    [ValidateRange(1, 86_400)]
    public int TimeoutSec { get; set; } = 900;

    [Parameter]
    [ValidateRange(1, 3_600)]
    public int PollIntervalSec { get; set; } = 5;

    protected override void ProcessRecord() => AddToWait();

    protected override void EndProcessing() =>
        WaitForAll(new FinalStateWait<Invoice>("Invoice", (client, reference, ct) => client.GetInvoiceAsync(reference, ct), i => i.Id, i => i.Status)
        {
            ReadMany = async (client, ids, ct) => (await client.ListInvoicesPageAsync(new ListFilter { Ids = ids, PageSize = ids.Count }, null, ct).ConfigureAwait(false)).Items,
            MaxPerRead = MaxIdsPerRead,
            IsDone = IsDoneAsync,
            EndError = invoice => invoice.Status is InvoiceStatus.Expired or InvoiceStatus.Cancelled
                ? NotPaid(invoice, invoice.Id, $"ended {invoice.Status}", ErrorCategory.InvalidResult)
                : null,
            Gone = (invoice, target, failure) => failure.ProblemCode.Kind == XRocketProblemKind.NotFound
                ? NotPaid(invoice, target, invoice is null ? "was not found (deleted, or never created)" : "was deleted", ErrorCategory.ObjectNotFound)
                : null,
        }, TimeoutSec, PollIntervalSec);

    /// <summary>
    /// Paid, expired and cancelled are final. With -Until AnyPayment an invoice is also done once it has a
    /// payment: partially paid, or (a multi-payment invoice stays active until its last payment) one more read,
    /// of its first payment, paced with the others by the wait's budget. A single-payment invoice still active
    /// has none, so it costs no read.
    /// </summary>
    private async Task<bool> IsDoneAsync(XRocketClient client, Invoice invoice, CancellationToken cancellationToken)
    {
        if (invoice.Status is InvoiceStatus.Paid or InvoiceStatus.Expired or InvoiceStatus.Cancelled)
        {
            return true;
        }

        if (Until != AnyPayment)
        {
            return false;
        }

        if (invoice.Status == InvoiceStatus.PartiallyPaid)
        {
            return true;
        }

        if (invoice.Status != InvoiceStatus.Active || invoice.NumPayments == 1)
        {
            return false;
        }

        var payments = await client.ListInvoicePaymentsPageAsync(XRocketRef.ById(invoice.Id), null, 1, cancellationToken).ConfigureAwait(false);
        return payments.Items.Count > 0;
    }

    /// <summary>The InvoiceNotPaid error: its TargetObject is the invoice as last read, or the id as given when it was never read.</summary>
    private static ErrorRecord NotPaid(Invoice? invoice, string? target, string what, ErrorCategory category)
    {
        var price = invoice?.PriceAmount is { } amount ? $" of {XRocketMoney.Format(amount)} {invoice.PriceCurrency}" : "";
        return new ErrorRecord(new InvalidOperationException($"Invoice {invoice?.Id ?? target}{price} {what}: it was not paid."), ModuleErrorIds.InvoiceNotPaid, category, (object?)invoice ?? target);
    }
}
