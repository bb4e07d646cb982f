using System;
using System.Linq;
using System.Management.Automation;
using XRocketPay.Client.Models;
using XRocketPay.PowerShell.Infrastructure;

namespace XRocketPay.PowerShell.Commands.App;

/// <summary>The app the token belongs to.</summary>
[Cmdlet(VerbsCommon.Get, "XRocketApp")]
[OutputType(typeof(Client.Models.App))]
public sealed class GetXRocketAppCommand : XRocketCmdlet
{
    protected override void EndProcessing() => Try(null, () => WriteObject(Call((c, ct) => c.GetAppInfoAsync(ct))));
}

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
        foreach (var currency in currencies.Where(c => Code is null || Code.Contains(c.Code, StringComparer.OrdinalIgnoreCase)))
        {
            WriteObject(currency);
        }
    });
}

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
        var assets = Asset ?? Call((c, ct) => c.GetCurrenciesAsync("crypto", ct)).Select(c => c.Code).ToArray();
        foreach (var rate in Call((c, ct) => c.GetRatesAsync(Base.ToUpperInvariant(), assets.Select(a => a.ToUpperInvariant()), ct)))
        {
            WriteObject(rate);
        }
    });
}
