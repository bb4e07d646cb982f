namespace XRocketPay.Client.Models;

public static class TargetTypes
{
    public const string TelegramUserId = "telegram_user_id";
}
