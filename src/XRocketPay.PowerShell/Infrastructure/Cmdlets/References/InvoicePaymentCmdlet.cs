namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>The invoice a payment cmdlet works on, named by -InvoiceId (alias Id) or -ClientInvoiceId.</summary>
public abstract class InvoicePaymentCmdlet : ReferenceCmdlet
{
    [Parameter(ParameterSetName = ParameterSets.ById, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public string? InvoiceId { get; set; }

    [Parameter(ParameterSetName = ParameterSets.ByClientId, Mandatory = true)]
    public string? ClientInvoiceId { get; set; }

    private protected override string? ServerId => InvoiceId;

    private protected override string? ClientId => ClientInvoiceId;
}
