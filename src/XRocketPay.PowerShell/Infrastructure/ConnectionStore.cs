using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// The default connection of each runspace. Azure Automation and thread jobs run several runspaces
/// in one process: a static field would let one job pay with another job's token.
/// </summary>
internal static class ConnectionStore
{
    private sealed class Holder
    {
        public XRocketConnection? Connection;
    }

    private static readonly ConditionalWeakTable<Runspace, Holder> s_byRunspace = new();

    internal static XRocketConnection? Current
    {
        get => Runspace.DefaultRunspace is { } runspace && s_byRunspace.TryGetValue(runspace, out var holder) ? holder.Connection : null;
        set
        {
            var runspace = Runspace.DefaultRunspace ?? throw new System.InvalidOperationException("No runspace on this thread.");
            s_byRunspace.GetValue(runspace, _ => new Holder()).Connection = value;
        }
    }
}
