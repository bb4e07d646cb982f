namespace XRocketPay.PowerShell.Commands.Transfers;

/// <summary>Pays a Telegram user, one transfer per row. Irreversible: ConfirmImpact High.</summary>
[Cmdlet(VerbsCommon.New, "XRocketTransfer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(XRocketTransferResult), typeof(XRocketPayoutPreflight), typeof(XRocketPayoutPlanRow))]
public sealed class NewXRocketTransferCommand : PayoutRunCmdlet
{
    internal override void Pay(PayoutRow row)
    {
        if (!Confirmed($"Telegram user {row.TelegramUserId}", $"Transfer {XRocketMoney.Format(row.Amount)} {row.Asset} (client id {row.ClientTransferId})"))
        {
            return;
        }

        var request = new CreateTransferRequest
        {
            Target = row.TelegramUserId,
            Asset = row.Asset,
            Amount = row.Amount,
            Description = row.Description,
            ClientTransferId = row.ClientTransferId,
            Callback = Callback.For(row.CallbackUrl, row.CallbackPayload),
        };
        JournalIntents(new[] { row });
        TryWithLazyTarget(() => row.Target, () =>
        {
            try
            {
                var created = Call((client, ct) => client.CreateTransferAsync(request, ct));
                Settle(row, created.Outcome, created.Value, null);
            }
            catch (XRocketException ex)
            {
                // Unknown: it may have been paid; the row says so, and the error says how to reconcile.
                Settle(row, ex.Outcome, null, ex, writeResult: ex.Outcome == XRocketOutcome.Unknown);
                throw;
            }
        });
    }
}
