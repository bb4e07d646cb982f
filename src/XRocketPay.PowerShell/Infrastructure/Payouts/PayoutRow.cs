namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>One validated payout row, ready to send.</summary>
internal sealed class PayoutRow
{
    public PayoutRow(string telegramUserId, string asset, decimal amount, string? description, string clientTransferId, string? callbackUrl, PSObject? input, Func<PSObject> copyRow)
    {
        TelegramUserId = telegramUserId;
        Asset = asset;
        Amount = amount;
        Description = description;
        ClientTransferId = clientTransferId;
        CallbackUrl = callbackUrl;
        Input = input;
        _copyRow = copyRow;
    }

    public string TelegramUserId { get; }
    public string Asset { get; }
    public decimal Amount { get; }
    public string? Description { get; }
    public string ClientTransferId { get; }
    public string? CallbackUrl { get; }
    public PSObject? Input { get; }

    /// <summary>The row's callback.payload (a JSON object), or null.</summary>
    public System.Text.Json.JsonElement? CallbackPayload { get; set; }

    private readonly Func<PSObject> _copyRow;

    /// <summary>A copy of the row with ClientTransferId filled in: what error records carry, so failures re-run safely. Made when asked.</summary>
    public object Target => _copyRow();
}
