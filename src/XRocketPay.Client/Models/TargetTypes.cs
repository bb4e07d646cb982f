namespace XRocketPay.Client.Models;

public static class TargetTypes
{
    public const string TelegramUserId = "telegram_user_id";

    /// <summary>A target of this type is a Telegram user id (the API's default when the type is left out).</summary>
    public static bool IsTelegramUser(string? targetType) => targetType is null || targetType == TelegramUserId;
}
