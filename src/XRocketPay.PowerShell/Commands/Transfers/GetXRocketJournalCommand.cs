namespace XRocketPay.PowerShell.Commands.Transfers;

/// <summary>
/// Summarises a payout journal (runs, rows, outcomes, amount paid per asset) and, with -Compare, checks it
/// against the API's transfer list: paid in both, paid per the journal but missing from the API, paid with a
/// different amount or asset, and paid per the API while the journal has no outcome for the row.
/// </summary>
[Cmdlet(VerbsCommon.Get, "XRocketJournal")]
[OutputType(typeof(XRocketJournalSummary))]
public sealed class GetXRocketJournalCommand : XRocketCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "Journal")]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>Also reads the API's transfer list over the journal's time window and compares.</summary>
    [Parameter]
    public SwitchParameter Compare { get; set; }

    protected override void ProcessRecord()
    {
        var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        if (!System.IO.File.Exists(path))
        {
            WriteError(ErrorRecords.Input(ModuleErrorIds.JournalNotFound, $"No journal at '{path}'.", Path, ErrorCategory.ObjectNotFound));
            return;
        }

        PayoutJournalAudit audit;
        try
        {
            audit = PayoutJournalAudit.Read(path);
        }
        catch (PayoutJournalException ex)
        {
            // Damaged (the line is named) or held by a run: the same reading a run makes refuses it.
            WriteError(ErrorRecords.From(ex, Path));
            return;
        }

        if (Compare)
        {
            Try(Path, () => Call((client, token) => Task.FromResult(audit.Compare(client.ListTransfers(
                new ListFilter { FromDate = audit.FirstAt?.AddDays(-1), ToDate = (audit.LastAt ?? DateTimeOffset.UtcNow).AddDays(1), PageSize = XRocketPayoutLimits.TransferListPage },
                cancellationToken: token)))));
        }

        WriteObject(audit.Summary());
    }
}
