using System.Globalization;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>Turns the core's HTTP traces into -Verbose lines and (redacted) -Debug bodies of the running cmdlet.</summary>
internal static class HttpTrace
{
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
}
