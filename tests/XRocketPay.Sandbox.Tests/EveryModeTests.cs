namespace XRocketPay.Sandbox.Tests;

/// <summary>Tests that run in every mode the sandbox serves: both dialects, in the full and the evidence shape.</summary>
public abstract class EveryModeTests : IClassFixture<SandboxPair>, IClassFixture<EvidencePair>
{
    private readonly SandboxPair _full;
    private readonly EvidencePair _evidence;

    protected EveryModeTests(SandboxPair full, EvidencePair evidence)
    {
        _full = full;
        _evidence = evidence;
    }

    public static TheoryData<SandboxDialect, SandboxShape> EveryMode()
    {
        var data = new TheoryData<SandboxDialect, SandboxShape>();
        foreach (var dialect in new[] { SandboxDialect.Transfers, SandboxDialect.Payouts })
        {
            data.Add(dialect, SandboxShape.Full);
            data.Add(dialect, SandboxShape.Evidence);
        }

        return data;
    }

    /// <summary>A sandbox of that mode with fresh state.</summary>
    protected SandboxApi Fresh(SandboxDialect dialect, SandboxShape shape) =>
        shape == SandboxShape.Evidence ? _evidence.Fresh(dialect) : _full.Fresh(dialect);
}
