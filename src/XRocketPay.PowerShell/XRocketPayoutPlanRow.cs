namespace XRocketPay.PowerShell;

/// <summary>One row of a -WhatIf plan: what the run would do with it (Send, Skip: the journal knows it paid, Reconcile: look it up first).</summary>
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

    public override string ToString() => $"{Action} {XRocketMoney.Format(Amount)} {Asset} to {TelegramUserId} ({ClientTransferId})";
}
