using System.Globalization;
using System.Reflection;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// Turns the core's HTTP traces into -Verbose lines and (redacted) -Debug bodies of the running cmdlet,
/// and tells the core how much to trace: only what the running cmdlet call's preferences will show.
/// </summary>
internal static class HttpTrace
{
    /// <summary>The core's question, answered for the cmdlet call this async flow belongs to.</summary>
    internal static XRocketTraceDetail Wanted() => PipelineMessagePump.Current?.TraceDetail ?? XRocketTraceDetail.None;

    /// <summary>Decided once per cmdlet call: -Debug (or $DebugPreference) wants bodies, -Verbose the summary lines.</summary>
    internal static XRocketTraceDetail DetailFor(Cmdlet cmdlet) =>
        Shows(cmdlet, "DebugPreference") ? XRocketTraceDetail.Bodies
        : Shows(cmdlet, "VerbosePreference") ? XRocketTraceDetail.Summary
        : XRocketTraceDetail.None;

    internal static void Write(XRocketTrace trace)
    {
        PipelineMessagePump.Current?.Post(cmdlet =>
        {
            cmdlet.WriteVerbose(trace.ToString());
            if (trace.RequestBody is { Length: > 0 } request)
            {
                cmdlet.WriteDebug(string.Format(CultureInfo.InvariantCulture, "{0} {1} request: {2}", trace.Method, trace.Path, request));
            }

            if (trace.ResponseBody is { Length: > 0 } response)
            {
                cmdlet.WriteDebug(string.Format(CultureInfo.InvariantCulture, "{0} {1} response: {2}", trace.Method, trace.Path, response));
            }
        });
    }

    /// <summary>
    /// The preference the engine itself applies to this call's Write* (the -Verbose/-Debug switch, else the
    /// caller's variable in the caller's scope, which a binary module's SessionState cannot see). It is not
    /// public, so it is read by name; if a future engine renames it, tracing stays on rather than going dark.
    /// </summary>
    private static bool Shows(Cmdlet cmdlet, string preference)
    {
        var runtime = cmdlet.CommandRuntime;
        var property = runtime?.GetType().GetProperty(preference, BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);
        return property?.GetValue(runtime) is not ActionPreference value
            || value is not (ActionPreference.SilentlyContinue or ActionPreference.Ignore);
    }
}
