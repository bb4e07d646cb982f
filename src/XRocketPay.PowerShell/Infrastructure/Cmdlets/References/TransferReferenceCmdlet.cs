namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>A transfer named by -Id (alias TransferId) or -ClientTransferId.</summary>
public abstract class TransferReferenceCmdlet : ReferenceCmdlet
{
    [Parameter(ParameterSetName = ParameterSets.ById, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("TransferId")]
    public string? Id { get; set; }

    [Parameter(ParameterSetName = ParameterSets.ByClientId, Mandatory = true)]
    public string? ClientTransferId { get; set; }

    private protected override string? ServerId => Id;

    private protected override string? ClientId => ClientTransferId;
}
