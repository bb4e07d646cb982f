namespace XRocketPay.PowerShell.Commands.App;

/// <summary>Exchange rates of assets against a base currency; each piped asset is answered.</summary>
[Cmdlet(VerbsCommon.Get, "XRocketRate")]
[OutputType(typeof(Rate))]
public sealed class GetXRocketRateCommand : XRocketCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Currency", "Code")]
    [ArgumentCompleter(typeof(AssetCompleter))]
    public string[]? Asset { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(BaseCurrencyCompleter))]
    public string Base { get; set; } = "USD";

    protected override void ProcessRecord() => Try(Asset, () =>
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
