namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>A withdrawal named by -Id (alias WithdrawalId) or -ClientWithdrawalId.</summary>
public abstract class WithdrawalReferenceCmdlet : ReferenceCmdlet
{
    [Parameter(ParameterSetName = ParameterSets.ById, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("WithdrawalId")]
    public string? Id { get; set; }

    [Parameter(ParameterSetName = ParameterSets.ByClientId, Mandatory = true)]
    public string? ClientWithdrawalId { get; set; }

    private protected override string? ServerId => Id;

    private protected override string? ClientId => ClientWithdrawalId;
}
