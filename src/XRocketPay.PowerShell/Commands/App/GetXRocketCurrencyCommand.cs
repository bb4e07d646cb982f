namespace XRocketPay.PowerShell.Commands.App;

/// <summary>Currencies the API supports, with their networks; each piped code is answered (one request per call).</summary>
[Cmdlet(VerbsCommon.Get, "XRocketCurrency")]
[OutputType(typeof(Currency))]
public sealed class GetXRocketCurrencyCommand : XRocketCmdlet
{
    private IReadOnlyList<Currency>? _currencies;

    [Parameter]
    [ValidateSet("crypto", "fiat")]
    public string? Kind { get; set; }

    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Asset", "Currency")]
    [ArgumentCompleter(typeof(AssetCompleter))]
    public string[]? Code { get; set; }

    protected override void ProcessRecord() => Try(Code, () =>
    {
        if (_currencies is null)
        {
            _currencies = Call((c, ct) => c.GetCurrenciesAsync(Kind, ct));
            if (Kind is null)
            {
                Currencies.Remember(ActiveConnection, _currencies);
            }
        }

        // A typo is an error naming the known codes, not an empty answer (issue 10 item 4).
        var codes = Code?.Where(code => Report(InputRules.Asset(ActiveConnection, code, nameof(Code), code, cryptoOnly: false))).ToArray();
        foreach (var currency in _currencies.Where(c => codes is null || codes.Contains(c.Code, StringComparer.OrdinalIgnoreCase)))
        {
            WriteObject(currency);
        }
    });
}
