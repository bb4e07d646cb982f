namespace XRocketPay.Client.Models;

public sealed class HealthComponent
{
    [JsonPropertyName(Fields.Name)] public string? Name { get; init; }
    [JsonPropertyName(Fields.Status)] public string? Status { get; init; }
    [JsonPropertyName(Fields.Message)] public string? Message { get; init; }
}
public sealed class Health
{
    [JsonPropertyName(Fields.Status)] public string? Status { get; init; }
    [JsonPropertyName(Fields.Info)] public IReadOnlyList<HealthComponent>? Info { get; init; }
    [JsonPropertyName(Fields.Error)] public IReadOnlyList<HealthComponent>? Error { get; init; }
    [JsonPropertyName(Fields.Details)] public IReadOnlyList<HealthComponent>? Details { get; init; }
}
