namespace XRocketPay.PowerShell.Commands.Withdrawals;

/// <summary>The minimum, fee and precision of withdrawals of an asset over a network.</summary>
[Cmdlet(VerbsCommon.Get, "XRocketWithdrawalQuota")]
[OutputType(typeof(WithdrawalQuotas))]
public sealed class GetXRocketWithdrawalQuotaCommand : XRocketCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(NetworkCompleter))]
    public string Network { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("Currency")]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(AssetCompleter))]
    public string Asset { get; set; } = "";

    protected override void ProcessRecord()
    {
        var network = Network.Trim().ToUpperInvariant();
        var asset = Asset.Trim().ToUpperInvariant();
        var target = BoundTarget();
        if (!Report(InputRules.Network(ReferenceConnection, network, nameof(Network), target) ?? InputRules.Asset(ReferenceConnection, asset, nameof(Asset), target)))
        {
            return;
        }

        Try(target, () => WriteObject(Call((client, ct) => client.GetWithdrawalQuotasAsync(network, asset, ct))));
    }
}
