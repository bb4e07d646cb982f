using System.Security;

namespace XRocketPay.PowerShell.Tests.Hosting;

internal static class Connected
{
    public static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }

    /// <summary>A fresh runspace with the staged module, connected to the sandbox with <paramref name="token"/>.</summary>
    public static PowerShellSession Session(SandboxFixture sandbox, string? token = null)
    {
        var session = PowerShellSession.Create();
        session.Run("Connect-XRocket -Environment Sandbox -BaseUri $SandboxUri -ApiKey $ApiKey",
            ("SandboxUri", sandbox.BaseUri), ("ApiKey", Secure(token ?? sandbox.Token))).AssertNoErrors();
        return session;
    }
}
