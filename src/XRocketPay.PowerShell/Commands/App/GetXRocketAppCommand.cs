namespace XRocketPay.PowerShell.Commands.App;

/// <summary>The app the token belongs to.</summary>
[Cmdlet(VerbsCommon.Get, "XRocketApp")]
[OutputType(typeof(Client.Models.App))]
public sealed class GetXRocketAppCommand : XRocketCmdlet
{
    protected override void EndProcessing() => Try(null, () => WriteObject(Call((c, ct) => c.GetAppInfoAsync(ct))));
}
