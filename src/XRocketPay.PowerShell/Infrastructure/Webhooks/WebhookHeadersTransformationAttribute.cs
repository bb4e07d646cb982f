namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>Binds -Headers from any header collection (see <see cref="WebhookHeaders"/>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class WebhookHeadersTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData) =>
        WebhookHeaders.Read(inputData) ?? throw new ArgumentTransformationMetadataException(
            $"-Headers takes a hashtable or dictionary, a WebHeaderCollection or NameValueCollection (such as an HttpListenerRequest's Headers), or an object with one property per header; got {(inputData is PSObject p ? p.BaseObject : inputData)?.GetType().Name ?? "nothing"}.");
}
