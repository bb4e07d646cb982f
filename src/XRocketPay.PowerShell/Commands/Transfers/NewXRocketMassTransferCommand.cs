namespace XRocketPay.PowerShell.Commands.Transfers;

/// <summary>
/// Pays many Telegram users through the mass-transfer endpoint: rows are grouped by asset and sent in
/// chunks as soon as a chunk is full (the rest at the end). One result per row.
/// </summary>
[Cmdlet(VerbsCommon.New, "XRocketMassTransfer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(XRocketTransferResult), typeof(XRocketPayoutPreflight), typeof(XRocketPayoutPlanRow))]
public sealed class NewXRocketMassTransferCommand : PayoutRunCmdlet
{
    /// <summary>Rows per request: at most the API's limit, which is the default.</summary>
    [Parameter]
    [ValidateRange(1, XRocketPayoutLimits.MassTransferRows)]
    public int ChunkSize { get; set; } = XRocketPayoutLimits.MassTransferRows;

    /// <summary>Sends without checking every row and the totals first (the preflight is on by default here).</summary>
    [Parameter]
    public SwitchParameter SkipPreflight { get; set; }

    protected override bool PreflightOn => !SkipPreflight.IsPresent;

    private protected override XRocketPayoutMode Mode => XRocketPayoutMode.Mass;

    private protected override int Chunk => ChunkSize;

    private protected override bool WritesFailedRows => true;

    internal override bool ConfirmSend(IReadOnlyList<XRocketPayoutRow> rows) =>
        Confirmed($"{rows.Select(r => r.TelegramUserId).Distinct(StringComparer.Ordinal).Count()} Telegram user(s)", $"Mass transfer of {XRocketMoney.Format(rows.Sum(r => r.Amount))} {rows[0].Asset} in {rows.Count} transfer(s)");
}
