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
        // A typo is an error naming the known assets, not an empty answer (issue 10 item 4).
        var assets = Asset?.Where(a => Report(InputRules.Asset(ReferenceConnection, a, nameof(Asset), a, cryptoOnly: false))).ToArray();
        if (assets is { Length: 0 })
        {
            return;
        }

        foreach (var balance in Call((c, ct) => c.GetBalancesAsync(ct)))
        {
            if (assets is null || assets.Contains(balance.Asset, StringComparer.OrdinalIgnoreCase))
            {
                WriteObject(balance);
            }
        }
    });
}
