namespace XRocketPay.Client.Models;

public sealed class Callback
{
    [JsonPropertyName(Fields.CallbackUrl)] public string? CallbackUrl { get; init; }
    [JsonPropertyName(Fields.Payload)] public JsonElement? Payload { get; init; }
}
