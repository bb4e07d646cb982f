using System.Security.Cryptography;

namespace XRocketPay.Client;

public enum XRocketWebhookFailure
{
    None,
    MissingHeader,
    UnsupportedVersion,
    StaleTimestamp,
    InvalidSignature,
}
