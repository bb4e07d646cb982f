namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>An invoice named by -Id (alias InvoiceId) or -ClientInvoiceId.</summary>
public abstract class InvoiceReferenceCmdlet : ReferenceCmdlet
{
    [Parameter(ParameterSetName = ParameterSets.ById, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("InvoiceId")]
    public string? Id { get; set; }

    [Parameter(ParameterSetName = ParameterSets.ByClientId, Mandatory = true)]
    public string? ClientInvoiceId { get; set; }

    private protected override string? ServerId => Id;

    private protected override string? ClientId => ClientInvoiceId;
}
