namespace XRocketPay.PowerShell;

/// <summary>
/// One row of a -WhatIf plan: what the run would do with it (Send; Skip: paid already, the same payment;
/// Conflict: its client id paid another payment, so it is refused; Reconcile: look it up first).
/// </summary>
public sealed class XRocketPayoutPlanRow
{
    internal XRocketPayoutPlanRow(string action, string clientTransferId, string telegramUserId, string asset, decimal amount, string? description)
    {
        Action = action;
        ClientTransferId = clientTransferId;
        TelegramUserId = telegramUserId;
        Asset = asset;
        Amount = amount;
        Description = description;
    }

    public string Action { get; }
    public string ClientTransferId { get; }
    public string TelegramUserId { get; }
    public string Asset { get; }
    public decimal Amount { get; }
    public string? Description { get; }

    /// <summary>The row's number in the input (1: the first piped row; 0 when not piped).</summary>
    public int Row { get; internal set; }

    /// <summary>The earlier row this one is identical to (both are paid), or null.</summary>
    public int? DuplicateOf { get; internal set; }

    public override string ToString() => $"{Action} {XRocketMoney.Format(Amount)} {Asset} to {TelegramUserId} ({ClientTransferId})";
}
