namespace XRocketPay.PowerShell.Commands.Transfers;

/// <summary>Pays a Telegram user, one transfer per row. Irreversible: ConfirmImpact High.</summary>
[Cmdlet(VerbsCommon.New, "XRocketTransfer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(XRocketTransferResult))]
public sealed class NewXRocketTransferCommand : PayoutCmdlet
{
    protected override void ProcessRecord()
    {
        if (ReadRow() is not { } row ||
            !ShouldProcess($"Telegram user {row.TelegramUserId}", $"Transfer {XRocketMoney.Format(row.Amount)} {row.Asset} (client id {row.ClientTransferId})"))
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
            Callback = row.CallbackUrl is null ? null : new Callback { CallbackUrl = row.CallbackUrl },
        };
        TryWithLazyTarget(() => row.Target, () =>
        {
            try
            {
                var created = Call((client, ct) => client.CreateTransferAsync(request, ct));
                WriteObject(Result(created.Outcome, row, created.Value));
            }
            catch (XRocketException ex) when (ex.Outcome == XRocketOutcome.Unknown)
            {
                // It may have been paid: the row says so, and the error says how to reconcile.
                WriteObject(Result(ex.Outcome, row, null));
                throw;
            }
        });
    }
}
