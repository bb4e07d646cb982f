namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>An API cmdlet: -Connection, or else the connection Connect-XRocket stored for this session.</summary>
public abstract class XRocketCmdlet : XRocketCmdletBase
{
    /// <summary>The connection to use instead of the one Connect-XRocket stored for this session.</summary>
    [Parameter]
    public XRocketConnection? Connection { get; set; }

    /// <summary>The connection for reference reads in validation (currencies): none is not an error here.</summary>
    internal XRocketConnection? ReferenceConnection => Connection ?? ConnectionStore.Current;

    /// <summary>Writes <paramref name="error"/> when there is one; true when there was none (for use in filters).</summary>
    private protected bool Report(ErrorRecord? error)
    {
        if (error is not null)
        {
            WriteError(error);
        }

        return error is null;
    }

    private protected void WarnIf(string? warning)
    {
        if (warning is not null)
        {
            WriteWarning(warning);
        }
    }

    protected override XRocketConnection ActiveConnection
    {
        get
        {
            var connection = Connection ?? ConnectionStore.Current;
            if (connection is null)
            {
                // Terminating: no row can work without a connection.
                ThrowTerminatingError(ErrorRecords.Input(ModuleErrorIds.NotConnected,
                    "Not connected to xRocket Pay. Run Connect-XRocket first (or pass -Connection).", null, ErrorCategory.ConnectionError));
            }

            return connection!;
        }
    }
}
