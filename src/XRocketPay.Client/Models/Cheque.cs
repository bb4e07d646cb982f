namespace XRocketPay.Client.Models;

/// <summary>State values are open-ended strings: these are the known ones. Compare exactly; expect others.</summary>
public static class ChequeState
{
    public const string Active = "active";
    public const string Completed = "completed";
    public const string Draft = "draft";
    public const string Error = "error";

    /// <summary>Every known value (SOURCES §4, §5.14): the module's typo warnings and completion both read this list.</summary>
    public static IReadOnlyList<string> Known { get; } = new[] { Active, Completed, Draft, Error };
}
public sealed class Cheque
{
    [JsonPropertyName(Fields.ChequeId)] public string ChequeId { get; init; } = "";
    [JsonPropertyName(Fields.ClientChequeId)] public string? ClientChequeId { get; set; }
    [JsonPropertyName(Fields.Asset)] public string? Asset { get; init; }
    [JsonPropertyName(Fields.Amount)] public decimal? Amount { get; set; }
    [JsonPropertyName(Fields.Description)] public string? Description { get; init; }
    [JsonPropertyName(Fields.TargetType)] public string? TargetType { get; init; }
    [JsonPropertyName(Fields.Target)] public string? Target { get; init; }
    [JsonPropertyName(Fields.Links)] public Links? Links { get; init; }
    [JsonPropertyName(Fields.State)] public string? State { get; init; }
    [JsonPropertyName(Fields.Deleted)] public bool? Deleted { get; init; }
    [JsonPropertyName(Fields.Callback)] public Callback? Callback { get; init; }
    [JsonPropertyName(Fields.Url)] public RedirectUrls? Url { get; init; }

    /// <summary>The link to send to the recipient (from <see cref="Links"/>).</summary>
    [JsonIgnore] public string? Link => Links?.Link;

    /// <summary>The module's one name for a resource's state (the API calls a cheque's <c>state</c>).</summary>
    [JsonIgnore] public string? Status => State;

    /// <summary>The Telegram user who alone may activate the cheque; null for anyone.</summary>
    [JsonIgnore] public string? TelegramUserId => TargetTypes.IsTelegramUser(TargetType) ? Target : null;

    public override string ToString() => $"Cheque {ChequeId} {State}";
}

public sealed class CreateChequeRequest
{
    [JsonPropertyName(Fields.Asset)] public string Asset { get; set; } = "";
    [JsonPropertyName(Fields.Amount)] public decimal Amount { get; set; }
    [JsonPropertyName(Fields.ClientChequeId)] public string? ClientChequeId { get; set; }

    /// <summary>The recipient's secret; masked in every trace.</summary>
    [JsonPropertyName(Fields.Password)] public string? Password { get; set; }
    [JsonPropertyName(Fields.Description)] public string? Description { get; set; }
    [JsonPropertyName(Fields.Callback)] public Callback? Callback { get; set; }
    [JsonPropertyName(Fields.Url)] public RedirectUrls? Url { get; set; }
    [JsonPropertyName(Fields.TargetType)] public string? TargetType { get; set; }
    [JsonPropertyName(Fields.Target)] public string? Target { get; set; }

    public override string ToString() => $"Cheque {Amount} {Asset}";
}
internal sealed class UpdateChequeRequest
{
    [JsonPropertyName(Fields.Description)] public string Description { get; set; } = "";
}
