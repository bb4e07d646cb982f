namespace XRocketPay.Client;

public enum XRocketWebhookFailure
{
    None,
    MissingHeader,
    UnsupportedVersion,
    StaleTimestamp,
    InvalidSignature,

    /// <summary>A delivery to the receiver that is not a POST.</summary>
    NotPost,

    /// <summary>A delivery to the receiver whose body is above its bound (<see cref="XRocketWebhookReceiver.MaxBodyBytes"/>).</summary>
    BodyTooLarge,

    /// <summary>A delivery to the receiver whose body did not arrive in time (<see cref="XRocketWebhookReceiver.BodyReadTimeout"/>).</summary>
    BodyTimeout,
}
