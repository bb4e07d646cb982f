namespace XRocketPay.PowerShell.Commands.App;

/// <summary>Balances of the app, one object per asset; each piped asset is answered (one request per call).</summary>
[Cmdlet(VerbsCommon.Get, "XRocketBalance")]
[OutputType(typeof(AssetBalance))]
public sealed class GetXRocketBalanceCommand : XRocketCmdlet
{
    private IReadOnlyList<AssetBalance>? _balances;

    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Currency", "Code")]
    [ArgumentCompleter(typeof(AssetCompleter))]
    public string[]? Asset { get; set; }

    protected override void ProcessRecord() => Try(Asset, () =>
    {
        // A typo is an error naming the known assets, not an empty answer (issue 10 item 4).
        var assets = Asset?.Where(a => Report(InputRules.Asset(ReferenceConnection, a, nameof(Asset), a, cryptoOnly: false))).ToArray();
        if (assets is { Length: 0 })
        {
            return;
        }

        _balances ??= Call((c, ct) => c.GetBalancesAsync(ct));
        foreach (var balance in _balances)
        {
            if (assets is null || assets.Contains(balance.Asset, StringComparer.OrdinalIgnoreCase))
            {
                WriteObject(balance);
            }
        }
    });
}
