namespace XRocketPay.PowerShell.Commands.App;

/// <summary>Exchange rates of assets against a base currency.</summary>
[Cmdlet(VerbsCommon.Get, "XRocketRate")]
[OutputType(typeof(Rate))]
public sealed class GetXRocketRateCommand : XRocketCmdlet
{
    [Parameter(Position = 0)]
    [ArgumentCompleter(typeof(AssetCompleter))]
    public string[]? Asset { get; set; }

    [Parameter]
    public string Base { get; set; } = "USD";

    protected override void EndProcessing() => Try(Asset, () =>
    {
        // A typo is an error naming the known assets, not an empty answer (issue 10 item 4).
        var given = Asset?.Where(a => Report(InputRules.Asset(ReferenceConnection, a, nameof(Asset), a, cryptoOnly: false))).ToArray();
        if (given is { Length: 0 })
        {
            return;
        }

        var assets = given ?? Call((c, ct) => c.GetCurrenciesAsync("crypto", ct)).Select(c => c.Code).ToArray();
        foreach (var rate in Call((c, ct) => c.GetRatesAsync(Base.ToUpperInvariant(), assets.Select(a => a.ToUpperInvariant()), ct)))
        {
            WriteObject(rate);
        }
    });
}
