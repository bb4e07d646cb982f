namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>An API cmdlet: -Connection, or else the connection Connect-XRocket stored for this session.</summary>
public abstract class XRocketCmdlet : XRocketCmdletBase
{
    /// <summary>The connection to use instead of the one Connect-XRocket stored for this session.</summary>
    [Parameter]
    public XRocketConnection? Connection { get; set; }

    protected override XRocketConnection ActiveConnection
    {
        get
        {
            var connection = Connection ?? ConnectionStore.Current;
            if (connection is null)
            {
                // Terminating: no row can work without a connection.
                ThrowTerminatingError(ErrorRecords.Input(InputErrorIds.NotConnected,
                    "Not connected to xRocket Pay. Run Connect-XRocket first (or pass -Connection).", null, ErrorCategory.ConnectionError));
            }

            return connection!;
        }
    }
}
