namespace XRocketPay.PowerShell.Commands.Invoices;

/// <summary>Gets an invoice by id or client id, or lists invoices.</summary>
[Cmdlet(VerbsCommon.Get, "XRocketInvoice", DefaultParameterSetName = ParameterSets.List, SupportsPaging = true)]
[OutputType(typeof(Invoice))]
public sealed class GetXRocketInvoiceCommand : InvoiceReferenceCmdlet
{
    [Parameter(ParameterSetName = ParameterSets.List)]
    [Alias("Currency")]
    [ArgumentCompleter(typeof(AssetCompleter))]
    public string? Asset { get; set; }

    [Parameter(ParameterSetName = ParameterSets.List)]
    [ArgumentCompleter(typeof(StatusCompleter))]
    public string? Status { get; set; }

    protected override void ProcessRecord()
    {
        if (!CheckListFilter(Status) || (ParameterSetName == ParameterSets.List && Asset is not null && !Report(InputRules.Asset(ReferenceConnection, Asset, nameof(Asset), Asset, cryptoOnly: false))))
        {
            return;
        }

        WriteInvoices();
    }

    private void WriteInvoices() => WriteOneOrList(
        (client, reference, ct) => client.GetInvoiceAsync(reference, ct),
        (client, cursor, ct) => client.ListInvoicesPageAsync(new ListFilter { Asset = Asset?.ToUpperInvariant(), Status = Status }, cursor, ct));
}
