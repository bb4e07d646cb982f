namespace XRocketPay.PowerShell.PayoutRuns;

/// <summary>
/// One validated pipeline row: the payout handed to the engine (<see cref="Payout"/>), and what the cmdlet
/// keeps beside it for its output and error records (the input row, its place, the copy errors carry).
/// </summary>
internal sealed class PayoutRow
{
    private readonly Func<PSObject> _copyRow;

    public PayoutRow(XRocketPayoutRow payout, PSObject? input, Func<PSObject> copyRow, int position = 0)
    {
        Payout = payout;
        Input = input;
        _copyRow = copyRow;
        Position = position;
    }

    /// <summary>What the engine pays: recipient, asset, amount, client id, description, callback.</summary>
    public XRocketPayoutRow Payout { get; }

    public PSObject? Input { get; }

    /// <summary>The row's place in the pipeline (1: the first piped row); 0 when not piped or not known.</summary>
    public int Position { get; }

    /// <summary>The earlier row this one is identical to (<see cref="DuplicateRows"/>), or 0.</summary>
    public int DuplicateOf { get; set; }

    /// <summary>How an error message names this row: its place, recipient and client id.</summary>
    public string Name => RowName(Position, Payout.TelegramUserId, Payout.ClientTransferId);

    /// <summary>"Row 3 (TelegramUserId 1002, client id …)" for a piped row; "TelegramUserId 1002 (client id …)" when its place is not known.</summary>
    internal static string RowName(int position, string telegramUserId, string clientTransferId)
    {
        var user = $"TelegramUserId {(telegramUserId.Length == 0 ? "missing" : telegramUserId)}";
        return position > 0 ? $"Row {position} ({user}, client id {clientTransferId})" : $"{user} (client id {clientTransferId})";
    }

    /// <summary>A copy of the row with ClientTransferId filled in and its name: what error records carry, so failures re-run safely. Made when asked.</summary>
    public object ErrorTarget => ErrorRecords.NameRow(_copyRow(), Name);
}
