using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace XRocketPay.PowerShell.Tests.Hosting;

/// <summary>The result of one script run: every stream, kept apart, plus what reached the host UI.</summary>
internal sealed record ScriptResult(
    IReadOnlyList<PSObject> Output,
    IReadOnlyList<ErrorRecord> Errors,
    IReadOnlyList<WarningRecord> Warnings,
    IReadOnlyList<VerboseRecord> Verbose,
    IReadOnlyList<DebugRecord> Debug,
    IReadOnlyList<InformationRecord> Information,
    string HostText,
    IReadOnlyList<ProgressRecord> Progress)
{
    public T Single<T>() => (T)Output.Single().BaseObject;

    public IEnumerable<T> All<T>() => Output.Select(o => (T)o.BaseObject);

    /// <summary>Every text a user or a log could see: for leak checks.</summary>
    public string EverythingAsText() => string.Join("\n", new[]
    {
        string.Join("\n", Output.Select(o => o.ToString())),
        string.Join("\n", Errors.Select(e => e + "\n" + e.Exception + "\n" + e.ErrorDetails?.Message + "\n" + e.TargetObject)),
        string.Join("\n", Warnings.Select(w => w.Message)),
        string.Join("\n", Verbose.Select(v => v.Message)),
        string.Join("\n", Debug.Select(d => d.Message)),
        string.Join("\n", Information.Select(i => i.MessageData?.ToString())),
        HostText,
    });

    public void AssertNoErrors()
    {
        if (Errors.Count > 0)
        {
            throw new Xunit.Sdk.XunitException("Unexpected errors:\n" + string.Join("\n", Errors.Select(e => $"{e.FullyQualifiedErrorId}: {e}")));
        }
    }
}

/// <summary>
/// A real PowerShell runspace (SMA 7.6, in-process) with the staged module imported from out/XRocketPay,
/// exactly as users load it, and a capturing host.
/// </summary>
internal sealed class PowerShellSession : IDisposable
{
    private PowerShellSession(Runspace runspace, CapturingHost host)
    {
        Runspace = runspace;
        Host = host;
    }

    public Runspace Runspace { get; }
    public CapturingHost Host { get; }

    public static PowerShellSession Create(bool importModule = true, Action<InitialSessionState>? configure = null)
    {
        // CreateDefault() needs ConsoleHost.dll, which the NuGet package does not carry.
        var state = InitialSessionState.CreateDefault2();
        configure?.Invoke(state);
        var host = new CapturingHost();
        var runspace = RunspaceFactory.CreateRunspace(host, state);
        runspace.Open();
        var session = new PowerShellSession(runspace, host);
        if (importModule)
        {
            session.Run("Import-Module $ModulePath -ErrorAction Stop", ("ModulePath", TestPaths.ModuleManifest)).AssertNoErrors();
        }

        return session;
    }

    public void SetVariable(string name, object? value) => Runspace.SessionStateProxy.SetVariable(name, value);

    /// <summary>Runs a script; each (name, value) pair becomes a variable in the runspace first.</summary>
    public ScriptResult Run(string script, params (string Name, object? Value)[] variables)
    {
        foreach (var (name, value) in variables)
        {
            SetVariable(name, value);
        }

        Host.Clear();
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = Runspace;
        ps.AddScript(script);
        var output = ps.Invoke();
        return new ScriptResult(
            output.ToList(),
            ps.Streams.Error.ToList(),
            ps.Streams.Warning.ToList(),
            ps.Streams.Verbose.ToList(),
            ps.Streams.Debug.ToList(),
            ps.Streams.Information.ToList(),
            Host.Text,
            ps.Streams.Progress.ToList());
    }

    public void Dispose() => Runspace.Dispose();
}

/// <summary>Reads module objects through PowerShell's own view (the test does not reference the module assembly).</summary>
internal static class PSObjectExtensions
{
    public static object? P(this PSObject value, string name) => value.Properties[name]?.Value is { } v ? (v is PSObject ps ? ps.BaseObject : v) : null;

    public static string? S(this PSObject value, string name) => value.P(name)?.ToString();
}
