using System.Security.Cryptography;

namespace XRocketPay.Client;

/// <summary>Verifies and reads xRocket Pay v1 webhook deliveries.</summary>
public static class XRocketWebhook
{
    public const string TimestampHeader = "Signature-Timestamp";
    public const string VersionHeader = "Signature-Version";
    public const string SignatureHeader = "Signature";

    /// <summary>
    /// Checks a delivery against the raw body exactly as received: hex HMAC-SHA256 of
    /// <c>"{Signature-Timestamp}.{raw body}"</c> keyed with the webhook secret, compared in constant time,
    /// and a timestamp no further than <paramref name="tolerance"/> from now.
    /// </summary>
    public static XRocketWebhookVerification Verify(string rawBody, IDictionary<string, string> headers, string secret, TimeSpan tolerance, DateTimeOffset? now = null)
    {
        if (rawBody is null) throw new ArgumentNullException(nameof(rawBody));
        if (headers is null) throw new ArgumentNullException(nameof(headers));
        if (string.IsNullOrEmpty(secret)) throw new ArgumentException("The webhook secret is empty.", nameof(secret));

        var lookup = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in headers)
        {
            lookup[pair.Key] = pair.Value;
        }

        if (!lookup.TryGetValue(TimestampHeader, out var timestamp) || !lookup.TryGetValue(SignatureHeader, out var signature) ||
            string.IsNullOrWhiteSpace(timestamp) || string.IsNullOrWhiteSpace(signature))
        {
            return new(XRocketWebhookFailure.MissingHeader, $"The {TimestampHeader} and {SignatureHeader} headers are required.");
        }

        if (lookup.TryGetValue(VersionHeader, out var version) && !string.Equals(version.Trim(), "v1", StringComparison.OrdinalIgnoreCase))
        {
            return new(XRocketWebhookFailure.UnsupportedVersion, $"Signature version '{version}' is not supported (only v1).");
        }

        if (!long.TryParse(timestamp.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return new(XRocketWebhookFailure.StaleTimestamp, $"The {TimestampHeader} '{timestamp}' is not Unix milliseconds.");
        }

        var sent = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        var age = (now ?? DateTimeOffset.UtcNow) - sent;
        if (age.Duration() > tolerance)
        {
            return new(XRocketWebhookFailure.StaleTimestamp, $"The delivery is {age.TotalSeconds:0} s from now, beyond the {tolerance.TotalSeconds:0} s tolerance (a replay?).");
        }

        var expected = Sign(secret, timestamp.Trim(), rawBody);
        var given = Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant());
        return FixedTimeEquals(Encoding.ASCII.GetBytes(expected), given)
            ? new(XRocketWebhookFailure.None, "The signature is valid.")
            : new(XRocketWebhookFailure.InvalidSignature, "The signature does not match the body and the secret.");
    }

    /// <summary>Reads the envelope; unknown event types parse too (with only the raw data).</summary>
    public static XRocketWebhookEnvelope Parse(string rawBody)
    {
        try
        {
            return JsonSerializer.Deserialize(rawBody, XRocketJsonContext.Default.XRocketWebhookEnvelope)
                ?? throw new FormatException("The webhook body is empty.");
        }
        catch (JsonException ex)
        {
            throw new FormatException("The webhook body is not a JSON envelope: " + ex.Message, ex);
        }
    }

    internal static string Sign(string secret, string timestamp, string rawBody)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var hash = hmac.ComputeHash(Encoding.UTF8.GetBytes(timestamp + "." + rawBody));
        return string.Concat(hash.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
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
