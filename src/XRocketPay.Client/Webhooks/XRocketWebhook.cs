using System.Security.Cryptography;

namespace XRocketPay.Client;

/// <summary>Verifies and reads xRocket Pay v1 webhook deliveries.</summary>
public static class XRocketWebhook
{
    public const string TimestampHeader = "Signature-Timestamp";
    public const string VersionHeader = "Signature-Version";
    public const string SignatureHeader = "Signature";

    /// <summary>Below this a Signature-Timestamp reads as Unix seconds (a date before 1973 in milliseconds).</summary>
    private const long SmallestMilliseconds = 100_000_000_000;

    /// <summary>The check of <see cref="Verify(byte[], IDictionary{string, string}, string, TimeSpan, DateTimeOffset?)"/> on the body's UTF-8 bytes.</summary>
    public static XRocketWebhookVerification Verify(string rawBody, IDictionary<string, string> headers, string secret, TimeSpan tolerance, DateTimeOffset? now = null) =>
        Verify(Encoding.UTF8.GetBytes(rawBody ?? ""), headers, secret, tolerance, now);

    /// <summary>
    /// Checks a delivery against the raw body bytes exactly as received: hex HMAC-SHA256 of
    /// <c>"{Signature-Timestamp}.{raw body}"</c> keyed with the webhook secret, compared in constant time,
    /// then a timestamp (Unix milliseconds) no further than <paramref name="tolerance"/> from now. The
    /// signature is checked before any header or field is read as a number, and nothing here throws: any
    /// input that is not a valid delivery is a failed verification.
    /// </summary>
    public static XRocketWebhookVerification Verify(byte[] rawBody, IDictionary<string, string> headers, string secret, TimeSpan tolerance, DateTimeOffset? now = null)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return new(XRocketWebhookFailure.InvalidSignature, "The webhook secret is empty: no delivery can be verified.");
        }

        var lookup = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in headers ?? new Dictionary<string, string>())
        {
            lookup[pair.Key ?? ""] = pair.Value ?? "";
        }

        if (!lookup.TryGetValue(TimestampHeader, out var timestamp) || !lookup.TryGetValue(SignatureHeader, out var signature) ||
            string.IsNullOrWhiteSpace(timestamp) || string.IsNullOrWhiteSpace(signature))
        {
            return new(XRocketWebhookFailure.MissingHeader, $"The {TimestampHeader} and {SignatureHeader} headers are required.");
        }

        if (lookup.TryGetValue(VersionHeader, out var version) && !string.Equals(version.Trim(), "v1", StringComparison.OrdinalIgnoreCase))
        {
            return new(XRocketWebhookFailure.UnsupportedVersion, "The Signature-Version is not supported (only v1).");
        }

        timestamp = timestamp.Trim();
        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, rawBody ?? Array.Empty<byte>()));
        if (!FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant())))
        {
            return new(XRocketWebhookFailure.InvalidSignature, "The signature does not match the body and the secret.");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return new(XRocketWebhookFailure.StaleTimestamp, $"The {TimestampHeader} is not Unix milliseconds.");
        }

        var nowMilliseconds = (now ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds();
        var ageSeconds = Math.Abs((decimal)nowMilliseconds - milliseconds) / 1000m;
        if (ageSeconds <= (decimal)tolerance.TotalSeconds)
        {
            return new(XRocketWebhookFailure.None, "The signature is valid.");
        }

        return milliseconds < SmallestMilliseconds
            ? new(XRocketWebhookFailure.StaleTimestamp, $"The {TimestampHeader} {milliseconds} looks like Unix seconds; xRocket stamps it in Unix milliseconds (13 digits), so the delivery is refused.")
            : new(XRocketWebhookFailure.StaleTimestamp, $"The delivery is {ageSeconds:0} s from now, beyond the {tolerance.TotalSeconds:0} s tolerance (a replay?).");
    }

    /// <summary>
    /// Reads the envelope; unknown event types parse too (with only the raw data). A body that is not an
    /// envelope, or a known event type whose data this module cannot read, is a <see cref="FormatException"/>.
    /// </summary>
    public static XRocketWebhookEnvelope Parse(string rawBody)
    {
        XRocketWebhookEnvelope envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(rawBody ?? "", XRocketJsonContext.Default.XRocketWebhookEnvelope)
                ?? throw new FormatException("The webhook body is empty.");
        }
        catch (JsonException ex)
        {
            throw new FormatException("The webhook body is not a JSON envelope: " + ex.Message, ex);
        }

        envelope.CheckShape();
        return envelope;
    }

    internal static string Sign(string secret, string timestamp, string rawBody) => Sign(secret, timestamp, Encoding.UTF8.GetBytes(rawBody));

    private static string Sign(string secret, string timestamp, byte[] rawBody)
    {
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(rawBody).ToArray();
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return string.Concat(hmac.ComputeHash(signed).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }

    private static bool FixedTimeEquals(byte[] left, byte[] right)
    {
        var difference = left.Length ^ right.Length;
        for (var i = 0; i < left.Length && i < right.Length; i++)
        {
            difference |= left[i] ^ right[i];
        }

        return difference == 0;
    }
}
