namespace XRocketPay.PowerShell.Commands.Transfers;

/// <summary>
/// Gets a transfer by id or client id, or lists transfers (newest first, streamed page by page). The API's
/// list takes only dates (SOURCES §5.19): -Status, -Asset, -TelegramUserId and -BatchId filter here, page by page.
/// </summary>
[Cmdlet(VerbsCommon.Get, "XRocketTransfer", DefaultParameterSetName = ParameterSets.List, SupportsPaging = true)]
[OutputType(typeof(Transfer))]
public sealed class GetXRocketTransferCommand : TransferReferenceCmdlet
{
    [Parameter(ParameterSetName = ParameterSets.List)]
    [ArgumentCompleter(typeof(StatusCompleter))]
    public string? Status { get; set; }

    [Parameter(ParameterSetName = ParameterSets.List)]
    [Alias("Currency")]
    [ArgumentCompleter(typeof(AssetCompleter))]
    public string? Asset { get; set; }

    [Parameter(ParameterSetName = ParameterSets.List)]
    [Alias("UserId", "user_id", "tg_user_id", "Target", "TelegramId", "telegram_user_id")]
    public string? TelegramUserId { get; set; }

    /// <summary>Only the transfers whose client ids were derived from this -BatchId (what a batch paid).</summary>
    [Parameter(ParameterSetName = ParameterSets.List)]
    [ValidateNotNullOrEmpty]
    public string? BatchId { get; set; }

    [Parameter(ParameterSetName = ParameterSets.List)]
    public DateTimeOffset? From { get; set; }

    [Parameter(ParameterSetName = ParameterSets.List)]
    public DateTimeOffset? To { get; set; }

    protected override void ProcessRecord()
    {
        // The filters are applied here, not by the API, so a status is compared in any case.
        if (!CheckListFilter(Status?.Trim().ToLowerInvariant(), From, To))
        {
            return;
        }

        WriteOneOrList(
            (client, reference, ct) => client.GetTransferAsync(reference, ct),
            async (client, cursor, ct) => Filtered(await client.ListTransfersPageAsync(new ListFilter { FromDate = From, ToDate = To }, cursor, ct).ConfigureAwait(false)));
    }

    /// <summary>The page's transfers that pass every filter given; its total is unknown once filtered.</summary>
    private XRocketPage<Transfer> Filtered(XRocketPage<Transfer> page)
    {
        if (Status is null && Asset is null && TelegramUserId is null && BatchId is null)
        {
            return page;
        }

        var batchPrefix = BatchId is null ? null : ClientIds.PrefixOf(BatchId);
        return new XRocketPage<Transfer>
        {
            Items = page.Items.Where(t =>
                (Status is null || string.Equals(t.Status, Status.Trim(), StringComparison.OrdinalIgnoreCase))
                && (Asset is null || string.Equals(t.Asset, Asset.Trim(), StringComparison.OrdinalIgnoreCase))
                && (TelegramUserId is null || string.Equals(t.Target, TelegramUserId.Trim(), StringComparison.Ordinal))
                && (batchPrefix is null || t.ClientTransferId?.StartsWith(batchPrefix, StringComparison.Ordinal) == true)).ToList(),
            Pagination = new XRocketPagination { Next = page.Next },
        };
    }
}
