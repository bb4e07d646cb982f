using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace XRocketPay.Client.Models;

public static class TargetTypes
{
    public const string TelegramUserId = "telegram_user_id";
}
