using XRocketPay.Sandbox;

namespace XRocketPay.Client.Tests;

/// <summary>The client keeps its own copy of the sandbox's defaults (it never references the sandbox): they must agree.</summary>
public sealed class SandboxDefaultsTests
{
    [Fact]
    public void The_clients_copies_of_the_sandbox_defaults_equal_the_sandboxs_own()
    {
        Assert.Equal(SandboxDefaults.Token, XRocketClientOptions.SandboxToken);
        Assert.Equal(SandboxDefaults.Port, XRocketClientOptions.SandboxPort);
        Assert.Equal(new Uri(SandboxDefaults.Url + "/"), XRocketClientOptions.SandboxUri);
    }
}
