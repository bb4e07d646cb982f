using System.Management.Automation;
using XRocketPay.Client.Models;

namespace XRocketPay.PowerShell;

public enum XRocketTransferStatus
{
    /// <summary>This command paid it.</summary>
    Sent,

    /// <summary>Paid by an earlier run with the same client id and data; nothing was sent again.</summary>
    AlreadyDone,

    /// <summary>Not paid; the error record says why, and its TargetObject re-runs safely.</summary>
    Failed,
}

/// <summary>What happened to one payout row.</summary>
public sealed class XRocketTransferResult
{
    internal XRocketTransferResult(XRocketTransferStatus status, string clientTransferId, string telegramUserId, string asset, decimal amount, string? description, Transfer? transfer, PSObject? inputObject)
    {
        Status = status;
        ClientTransferId = clientTransferId;
        TelegramUserId = telegramUserId;
        Asset = asset;
        Amount = amount;
        Description = description;
        Transfer = transfer;
        InputObject = inputObject;
    }

    public XRocketTransferStatus Status { get; }
    public string ClientTransferId { get; }
    public string? TransferId => Transfer?.TransferId;
    public string TelegramUserId { get; }
    public string Asset { get; }
    public decimal Amount { get; }
    public string? Description { get; }
    public Transfer? Transfer { get; }

    /// <summary>The input row, as given.</summary>
    public PSObject? InputObject { get; }

    public override string ToString() => $"{Status} {Client.XRocketMoney.Format(Amount)} {Asset} to {TelegramUserId} ({ClientTransferId})";
}
