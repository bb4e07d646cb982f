namespace XRocketPay.Client.Models;

public sealed class RedirectUrls
{
    [JsonPropertyName(Fields.SuccessUrl)] public string? SuccessUrl { get; init; }
    [JsonPropertyName(Fields.CancelUrl)] public string? CancelUrl { get; init; }
}
