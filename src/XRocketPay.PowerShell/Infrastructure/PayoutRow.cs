namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>One validated payout row, ready for the payout engine, with what its error records carry.</summary>
internal sealed class PayoutRow : XRocketPayoutRow
{
    private readonly Func<PSObject> _copyRow;

    public PayoutRow(string telegramUserId, string asset, decimal amount, string? description, string clientTransferId, string? callbackUrl, PSObject? input, Func<PSObject> copyRow)
        : base(telegramUserId, asset, amount, clientTransferId)
    {
        Description = description;
        CallbackUrl = callbackUrl;
        Input = input;
        _copyRow = copyRow;
    }

    public string TelegramUserId => Target;
    public PSObject? Input { get; }

    /// <summary>A copy of the row with ClientTransferId filled in: what error records carry, so failures re-run safely. Made when asked.</summary>
    public object ErrorTarget => _copyRow();
}
