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
            ActiveConnection.Currencies ??= Kind is null ? _currencies : null;
        }

        foreach (var currency in _currencies.Where(c => Code is null || Code.Contains(c.Code, StringComparer.OrdinalIgnoreCase)))
        {
            WriteObject(currency);
        }
    });
}
