using System.Net;
using System.Security;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>The one way a SecureString (a token, a cheque password, a webhook secret) becomes text, at the last moment.</summary>
internal static class SecureStrings
{
    internal static string ToPlainText(SecureString secure) => new NetworkCredential("", secure).Password ?? "";
}
