namespace XRocketPay.Client.Models;

public sealed class App
{
    [JsonPropertyName(Fields.Id)] public string? Id { get; init; }
    [JsonPropertyName(Fields.Name)] public string? Name { get; init; }

    public override string ToString() => $"{Name} ({Id})";
}
