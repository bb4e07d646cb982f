namespace XRocketPay.PowerShell.Commands.App;

/// <summary>Currencies the API supports, with their networks.</summary>
[Cmdlet(VerbsCommon.Get, "XRocketCurrency")]
[OutputType(typeof(Currency))]
public sealed class GetXRocketCurrencyCommand : XRocketCmdlet
{
    [Parameter]
    [ValidateSet("crypto", "fiat")]
    public string? Kind { get; set; }

    [Parameter(Position = 0)]
    [ArgumentCompleter(typeof(AssetCompleter))]
    public string[]? Code { get; set; }

    protected override void EndProcessing() => Try(Code, () =>
    {
        var currencies = Call((c, ct) => c.GetCurrenciesAsync(Kind, ct));
        ActiveConnection.Currencies ??= Kind is null ? currencies : null;

        // A typo is an error naming the known codes, not an empty answer (issue 10 item 4).
        var codes = Code?.Where(code => Report(InputRules.Asset(ActiveConnection, code, nameof(Code), code, cryptoOnly: false))).ToArray();
        foreach (var currency in currencies.Where(c => codes is null || codes.Contains(c.Code, StringComparer.OrdinalIgnoreCase)))
        {
            WriteObject(currency);
        }
    });
}
