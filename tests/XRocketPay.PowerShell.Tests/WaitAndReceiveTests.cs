using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using XRocketPay.PowerShell.Tests.Hosting;

namespace XRocketPay.PowerShell.Tests;

/// <summary>Ctrl+C on Wait-XRocketInvoice and Receive-XRocketWebhook: they stop, clear their progress, and free the port.</summary>
public sealed class WaitAndReceiveTests : IClassFixture<SandboxFixture>, IDisposable
{
    /// <summary>Generous: only a wait that never ends fails it (a busy CI machine still passes).</summary>
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(2);

    private readonly PowerShellSession _session;

    public WaitAndReceiveTests(SandboxFixture sandbox)
    {
        sandbox.Reset();
        _session = Connected.Session(sandbox);
    }

    public void Dispose() => _session.Dispose();

    [Fact]
    public void Ctrl_C_stops_an_invoice_wait_and_completes_its_progress()
    {
        _session.Run("$i = New-XRocketInvoice -Currency TONCOIN -Amount 2").AssertNoErrors();
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = _session.Runspace;
        ps.AddScript("$i | Wait-XRocketInvoice -PollIntervalSec 600 -TimeoutSec 3600");
        var running = ps.BeginInvoke();
        Until(() => ps.Streams.Progress.Count >= 2, "the wait showed no progress");

        var stopping = ps.BeginStop(null, null);
        Assert.True(stopping.AsyncWaitHandle.WaitOne(Generous), "Ctrl+C did not stop the wait");
        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));
        Assert.Equal(ProgressRecordType.Completed, ps.Streams.Progress[^1].RecordType);
    }

    [Fact]
    public void Ctrl_C_stops_the_webhook_receiver_and_frees_its_port()
    {
        var port = FreePort();
        var prefix = $"http://127.0.0.1:{port}/";
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = _session.Runspace;
        ps.AddScript($"$s = [System.Net.NetworkCredential]::new('', 'sandbox-webhook-secret').SecurePassword; Receive-XRocketWebhook -Prefix '{prefix}' -Secret $s");
        var running = ps.BeginInvoke();
        Until(() => Accepts(port), "the receiver never listened");

        var stopping = ps.BeginStop(null, null);
        Assert.True(stopping.AsyncWaitHandle.WaitOne(Generous), "Ctrl+C did not stop the receiver");
        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));
        using var again = new HttpListener();
        again.Prefixes.Add(prefix);
        again.Start();
        Assert.True(again.IsListening);
    }

    private static void Until(Func<bool> condition, string failure)
    {
        var deadline = DateTime.UtcNow + Generous;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            Thread.Sleep(50);
        }
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var probe = new TcpClient();
            probe.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
