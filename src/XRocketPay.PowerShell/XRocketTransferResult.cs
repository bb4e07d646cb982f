namespace XRocketPay.PowerShell;

/// <summary>What happened to one payout row; <see cref="Outcome"/> is the core's one outcome vocabulary.</summary>
public sealed class XRocketTransferResult
{
    internal XRocketTransferResult(XRocketOutcome outcome, string clientTransferId, string telegramUserId, string asset, decimal amount, string? description, Transfer? transfer, PSObject? inputObject)
    {
        Outcome = outcome;
        ClientTransferId = clientTransferId;
        TelegramUserId = telegramUserId;
        Asset = asset;
        Amount = amount;
        Description = description;
        Transfer = transfer;
        InputObject = inputObject;
    }

    /// <summary>Sent, AlreadyDone, Failed (not paid; the error record says why) or Unknown (may have been paid: re-run with the same client id).</summary>
    public XRocketOutcome Outcome { get; }

    public string ClientTransferId { get; }
    public string? TransferId => Transfer?.TransferId;
    public string TelegramUserId { get; }
    public string Asset { get; }
    public decimal Amount { get; }
    public string? Description { get; }
    public Transfer? Transfer { get; }

    /// <summary>The input row, as given.</summary>
    public PSObject? InputObject { get; }

    public override string ToString() => $"{Outcome} {XRocketMoney.Format(Amount)} {Asset} to {TelegramUserId} ({ClientTransferId})";
}
