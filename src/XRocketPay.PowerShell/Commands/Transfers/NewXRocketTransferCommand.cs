namespace XRocketPay.PowerShell.Commands.Transfers;

/// <summary>Pays a Telegram user, one transfer per row. Irreversible: ConfirmImpact High.</summary>
[Cmdlet(VerbsCommon.New, "XRocketTransfer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(XRocketTransferResult), typeof(XRocketPayoutPreflight), typeof(XRocketPayoutPlanRow))]
public sealed class NewXRocketTransferCommand : PayoutRunCmdlet
{
    private protected override XRocketPayoutMode Mode => XRocketPayoutMode.OneByOne;

    internal override bool ConfirmSend(IReadOnlyList<XRocketPayoutRow> rows) =>
        Confirmed($"Telegram user {rows[0].TelegramUserId}", $"Transfer {XRocketMoney.Format(rows[0].Amount)} {rows[0].Asset} (client id {rows[0].ClientTransferId})");
}
