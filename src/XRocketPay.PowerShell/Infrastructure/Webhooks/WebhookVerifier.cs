using System.Collections;
using System.Security;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>Checks a delivery's signature: PowerShell header tables and SecureString secrets in, the core's check out.</summary>
internal static class WebhookVerifier
{
    internal static XRocketWebhookVerification Verify(string body, IDictionary headers, SecureString secret, int toleranceSec)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in headers)
        {
            var value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
            map[entry.Key?.ToString() ?? ""] = value is IEnumerable many and not string ? string.Join(",", many.Cast<object>()) : value?.ToString() ?? "";
        }

        return XRocketWebhook.Verify(body, map, SecureStrings.ToPlainText(secret), TimeSpan.FromSeconds(toleranceSec));
    }
}
