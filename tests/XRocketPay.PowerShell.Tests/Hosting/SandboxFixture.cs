using XRocketPay.Sandbox;
using XRocketPay.TestSupport;

namespace XRocketPay.PowerShell.Tests.Hosting;

/// <summary>One in-process sandbox over loopback, shared by a test class, with its admin surface (<see cref="SandboxAdmin"/>).</summary>
public sealed class SandboxFixture() : SandboxAdmin(new SandboxOptions
{
    Tokens = { CanaryToken },
    WithdrawalCompletionDelay = TimeSpan.FromMilliseconds(300),
})
{
    public const string CanaryToken = "canary-7f3a9c2e-ps-TOKEN";
}
