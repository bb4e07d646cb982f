using System.Net;

namespace XRocketPay.Sandbox;

/// <summary>The one loopback rule: the sandbox binds, calls back and redirects only on this machine.</summary>
internal static class Loopback
{
    public static bool Is(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>A bind address such as <c>http://127.0.0.1:0</c>; <c>*</c> and <c>+</c> mean every interface.</summary>
    public static bool IsUrl(string url) =>
        Uri.TryCreate(url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && Is(uri);
}
