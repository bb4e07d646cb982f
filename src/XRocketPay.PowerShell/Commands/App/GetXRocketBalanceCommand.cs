namespace XRocketPay.PowerShell.Commands.App;

/// <summary>Balances of the app, one object per asset.</summary>
[Cmdlet(VerbsCommon.Get, "XRocketBalance")]
[OutputType(typeof(AssetBalance))]
public sealed class GetXRocketBalanceCommand : XRocketCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Currency")]
    [ArgumentCompleter(typeof(AssetCompleter))]
    public string[]? Asset { get; set; }

    protected override void EndProcessing() => Try(Asset, () =>
    {
        foreach (var balance in Call((c, ct) => c.GetBalancesAsync(ct)))
        {
            if (Asset is null || Asset.Contains(balance.Asset, StringComparer.OrdinalIgnoreCase))
            {
                WriteObject(balance);
            }
        }
    });
}
