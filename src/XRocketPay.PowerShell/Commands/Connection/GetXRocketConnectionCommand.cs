namespace XRocketPay.PowerShell.Commands.Connection;

/// <summary>Shows this session's connection (environment, address, a masked token hint).</summary>
[Cmdlet(VerbsCommon.Get, "XRocketConnection")]
[OutputType(typeof(XRocketConnection))]
public sealed class GetXRocketConnectionCommand : PSCmdlet
{
    protected override void EndProcessing()
    {
        if (ConnectionStore.Current is { } connection)
        {
            WriteObject(connection);
            return;
        }

        WriteError(ErrorRecords.Input(ModuleErrorIds.NotConnected, "Not connected to xRocket Pay. Run Connect-XRocket first.", null, ErrorCategory.ConnectionError));
    }
}
