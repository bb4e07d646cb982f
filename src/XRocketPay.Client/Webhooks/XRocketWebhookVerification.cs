namespace XRocketPay.Client;

/// <summary>The outcome of a signature check.</summary>
public sealed class XRocketWebhookVerification
{
    internal XRocketWebhookVerification(XRocketWebhookFailure failure, string message)
    {
        Failure = failure;
        Message = message;
    }

    public bool IsValid => Failure == XRocketWebhookFailure.None;
    public XRocketWebhookFailure Failure { get; }
    public string Message { get; }

    public override string ToString() => Message;
}
