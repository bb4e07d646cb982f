namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>A cheque named by -Id (alias ChequeId) or -ClientChequeId.</summary>
public abstract class ChequeReferenceCmdlet : ReferenceCmdlet
{
    [Parameter(ParameterSetName = ParameterSets.ById, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ChequeId")]
    public string? Id { get; set; }

    [Parameter(ParameterSetName = ParameterSets.ByClientId, Mandatory = true)]
    public string? ClientChequeId { get; set; }

    private protected override string? ServerId => Id;

    private protected override string? ClientId => ClientChequeId;
}
