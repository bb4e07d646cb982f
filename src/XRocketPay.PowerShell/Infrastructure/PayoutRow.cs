namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>One validated payout row, ready to send.</summary>
internal sealed class PayoutRow
{
    public PayoutRow(string telegramUserId, string asset, decimal amount, string? description, string clientTransferId, string? callbackUrl, PSObject? input, object target)
    {
        TelegramUserId = telegramUserId;
        Asset = asset;
        Amount = amount;
        Description = description;
        ClientTransferId = clientTransferId;
        CallbackUrl = callbackUrl;
        Input = input;
        Target = target;
    }

    public string TelegramUserId { get; }
    public string Asset { get; }
    public decimal Amount { get; }
    public string? Description { get; }
    public string ClientTransferId { get; }
    public string? CallbackUrl { get; }
    public PSObject? Input { get; }

    /// <summary>A copy of the row with ClientTransferId filled in: what error records carry, so failures re-run safely.</summary>
    public object Target { get; }
}
