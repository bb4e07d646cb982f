namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>One validated payout row, ready to send.</summary>
internal sealed class PayoutRow
{
    public PayoutRow(string telegramUserId, string asset, decimal amount, string? description, string clientTransferId, string? callbackUrl, PSObject? input, Func<PSObject> copyRow, int position = 0)
    {
        TelegramUserId = telegramUserId;
        Asset = asset;
        Amount = amount;
        Description = description;
        ClientTransferId = clientTransferId;
        CallbackUrl = callbackUrl;
        Input = input;
        _copyRow = copyRow;
        Position = position;
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
    /// <summary>The row's place in the pipeline (1: the first piped row); 0 when not piped or not known.</summary>
    public int Position { get; }

    /// <summary>How an error message names this row: its place, recipient and client id.</summary>
    public string Name => RowName(Position, TelegramUserId, ClientTransferId);

    /// <summary>"Row 3 (TelegramUserId 1002, client id …)" for a piped row; "TelegramUserId 1002 (client id …)" when its place is not known.</summary>
    internal static string RowName(int position, string telegramUserId, string clientTransferId)
    {
        var user = $"TelegramUserId {(telegramUserId.Length == 0 ? "missing" : telegramUserId)}";
        return position > 0 ? $"Row {position} ({user}, client id {clientTransferId})" : $"{user} (client id {clientTransferId})";
    }

    private readonly Func<PSObject> _copyRow;

    /// <summary>A copy of the row with ClientTransferId filled in: what error records carry, so failures re-run safely. Made when asked.</summary>
    public object Target => ErrorRecords.NameRow(_copyRow(), Name);
}
