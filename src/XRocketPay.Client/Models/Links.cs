namespace XRocketPay.Client.Models;

public sealed class Links
{
    [JsonPropertyName(Fields.TelegramBotLink)] public string? TelegramBotLink { get; init; }
    [JsonPropertyName(Fields.TelegramMiniAppLink)] public string? TelegramMiniAppLink { get; init; }
    [JsonPropertyName(Fields.WebLink)] public string? WebLink { get; init; }

    /// <summary>The link to send out: the Telegram bot link, else the web link.</summary>
    [JsonIgnore] public string? Link => TelegramBotLink ?? WebLink ?? TelegramMiniAppLink;

    public override string ToString() => Link ?? "";
}
