using System.Management.Automation.Runspaces;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// The default connection of a session, kept in that session's global scope. Azure Automation and thread
/// jobs run several runspaces in one process, so a static field would let one job pay with another job's
/// token; and <c>ForEach-Object -Parallel</c> reuses runspaces, so a table keyed by runspace would let an
/// iteration that never connected pay with an earlier iteration's connection (issue 14 item 3). A reused
/// runspace's global scope is reset for every new iteration, and the connection goes with it.
/// </summary>
internal static class ConnectionStore
{
    /// <summary>The global variable that holds the default connection (visible with Get-Variable; harmless: no token).</summary>
    internal const string VariableName = "XRocketPayDefaultConnection";

    /// <summary>This session's default connection; only read and written on a pipeline thread.</summary>
    internal static XRocketConnection? Current
    {
        get
        {
            if (Runspace.DefaultRunspace is null)
            {
                return null;
            }

            // Through the session state API, not "$global:…": a caller's Set-StrictMode must not turn "never connected" into an error.
            var values = ScriptBlock.Create($"$ExecutionContext.SessionState.PSVariable.GetValue('global:{VariableName}')").Invoke();
            return values.Count == 1 && values[0]?.BaseObject is XRocketConnection connection ? connection : null;
        }

        set
        {
            if (Runspace.DefaultRunspace is null)
            {
                throw new InvalidOperationException("No runspace on this thread.");
            }

            ScriptBlock.Create($"param($connection) $ExecutionContext.SessionState.PSVariable.Set('global:{VariableName}', $connection)").Invoke(value);
        }
    }
}
