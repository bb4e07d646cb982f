namespace XRocketPay.Client.Models;

public sealed class XRocketProblem
{
    [JsonPropertyName(Fields.Type)] public string? Type { get; init; }
    [JsonPropertyName(Fields.Title)] public string? Title { get; init; }
    [JsonPropertyName(Fields.Status)] public int? Status { get; init; }
    [JsonPropertyName(Fields.Detail)] public string? Detail { get; init; }
    [JsonPropertyName(Fields.Instance)] public string? Instance { get; init; }
    [JsonPropertyName(Fields.Kind)] public string? Kind { get; init; }
    [JsonPropertyName(Fields.Info)] public JsonElement? Info { get; init; }

    /// <summary>The stable code: the last segment of <see cref="Type"/>, such as <c>amount_more_than_app_balance</c>.</summary>
    [JsonIgnore] public string Code => Type is { Length: > 0 } t ? t.Substring(t.LastIndexOf('/') + 1) : "unknown_problem";
}
