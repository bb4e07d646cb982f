namespace XRocketPay.PowerShell.Commands.Connection;

/// <summary>Forgets this session's connection.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "XRocket")]
public sealed class DisconnectXRocketCommand : PSCmdlet
{
    protected override void EndProcessing() => ConnectionStore.Current = null;
}
