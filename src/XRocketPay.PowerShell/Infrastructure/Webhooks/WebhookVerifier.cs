using System.Collections;
using System.Security;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>Checks a delivery's signature: PowerShell header collections and SecureString secrets in, the core's check out.</summary>
internal static class WebhookVerifier
{
    internal static XRocketWebhookVerification Verify(string body, IDictionary headers, SecureString secret, int toleranceSec) =>
        XRocketWebhook.Verify(body, WebhookHeaders.Read(headers)!, SecureStrings.ToPlainText(secret), TimeSpan.FromSeconds(toleranceSec));
}
