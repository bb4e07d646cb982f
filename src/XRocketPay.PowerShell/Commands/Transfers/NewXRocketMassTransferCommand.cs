namespace XRocketPay.PowerShell.Commands.Transfers;

/// <summary>
/// Pays many Telegram users through the mass-transfer endpoint: rows are grouped by asset and sent in
/// chunks as soon as a chunk is full (the rest at the end). One result per row.
/// </summary>
[Cmdlet(VerbsCommon.New, "XRocketMassTransfer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(XRocketTransferResult), typeof(XRocketPayoutPreflight), typeof(XRocketPayoutPlanRow))]
public sealed class NewXRocketMassTransferCommand : PayoutRunCmdlet
{
    private readonly Dictionary<string, List<PayoutRow>> _pending = new(StringComparer.Ordinal);

    [Parameter]
    [ValidateRange(1, 1000)]
    public int ChunkSize { get; set; } = 100;

    /// <summary>Sends without checking every row and the totals first (the preflight is on by default here).</summary>
    [Parameter]
    public SwitchParameter SkipPreflight { get; set; }

    protected override bool PreflightOn => !SkipPreflight.IsPresent;

    internal override void Pay(PayoutRow row)
    {
        if (!_pending.TryGetValue(row.Asset, out var chunk))
        {
            chunk = new List<PayoutRow>();
            _pending[row.Asset] = chunk;
        }

        chunk.Add(row);
        if (chunk.Count >= ChunkSize)
        {
            _pending.Remove(row.Asset);
            Send(row.Asset, chunk);
        }
    }

    protected override void FinishRows()
    {
        foreach (var pair in _pending.ToList())
        {
            Send(pair.Key, pair.Value);
        }

        _pending.Clear();
    }

    private void Send(string asset, List<PayoutRow> rows)
    {
        var total = XRocketMoney.Normalize(rows.Sum(r => r.Amount));
        if (!Confirmed($"{rows.Count} Telegram user(s)", $"Mass transfer of {XRocketMoney.Format(total)} {asset} in {rows.Count} transfer(s)"))
        {
            return;
        }

        JournalIntents(rows);
        var items = rows.Select(r => new MassTransferItem
        {
            Target = r.TelegramUserId,
            Amount = r.Amount,
            ClientTransferId = r.ClientTransferId,
            Description = r.Description,
            Callback = Callback.For(r.CallbackUrl, r.CallbackPayload),
        }).ToList();

        IReadOnlyList<MassTransferRowResult> results;
        try
        {
            results = Call((client, ct) => client.CreateMassTransfersAsync(asset, items, ct));
        }
        catch (OperationCanceledException ex)
        {
            foreach (var row in rows)
            {
                WriteObject(Result(XRocketOutcome.Failed, row, null));
                WriteFailure(ex, row.Target);
            }

            return;
        }

        foreach (var result in results)
        {
            var row = rows[result.Index];
            Settle(row, result.Outcome, result.Transfer, result.Error);
            if (result.Error is { } error)
            {
                WriteError(ErrorRecords.From(error, row.Target));
            }
        }
    }
}
