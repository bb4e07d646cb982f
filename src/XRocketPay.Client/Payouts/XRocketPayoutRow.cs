namespace XRocketPay.Client;

/// <summary>One payout of a run: a Telegram user, an asset and an amount, under a client id that makes re-sending it safe.</summary>
public sealed class XRocketPayoutRow
{
    public XRocketPayoutRow(string telegramUserId, string asset, decimal amount, string clientTransferId)
    {
        TelegramUserId = telegramUserId;
        Asset = asset;
        Amount = amount;
        ClientTransferId = clientTransferId;
    }

    /// <summary>The Telegram user id paid.</summary>
    public string TelegramUserId { get; }
    public string Asset { get; }
    public decimal Amount { get; }

    /// <summary>The id that makes the row safe to send again: derive it (<see cref="ClientIds"/>) or keep it with the row.</summary>
    public string ClientTransferId { get; }
    public string? Description { get; init; }
    public string? CallbackUrl { get; init; }

    /// <summary>The JSON object sent as <c>callback.payload</c> and sent back in the transfer's webhooks.</summary>
    public System.Text.Json.JsonElement? CallbackPayload { get; init; }
}
