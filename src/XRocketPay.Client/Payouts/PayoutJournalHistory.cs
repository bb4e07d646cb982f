using System.IO;

namespace XRocketPay.Client;

/// <summary>
/// The one reading of a payout journal, for the run, Get-XRocketJournal and the audit alike. The rules:
/// the first line is a run line with the batch id and format version, and every run line names the same
/// batch; every line is one this module writes (the line number is named when one is not), except a last
/// line cut by a kill (no newline), which is ignored; a row's attempt is its latest intent until it is paid,
/// then the paid one (a later intent cannot change what was paid); its outcome is its latest outcome line,
/// except that paid stays paid. A journal broken against these rules is refused
/// (<see cref="PayoutJournalProblem.Unusable"/>): trusting it could pay its rows again.
/// </summary>
public sealed class PayoutJournalHistory
{
    private readonly Dictionary<string, PayoutJournalRow> _rows = new(StringComparer.Ordinal);
    private readonly string _path;
    private string? _derivedPrefix;

    private PayoutJournalHistory(string path) => _path = path;

    /// <summary>The batch id of the journal's run lines (null: an empty journal).</summary>
    public string? BatchId { get; private set; }
    public int Runs { get; private set; }
    public DateTimeOffset? FirstAt { get; private set; }
    public DateTimeOffset? LastAt { get; private set; }

    /// <summary>Every row with an intent, in the order first sent.</summary>
    public IReadOnlyCollection<PayoutJournalRow> Rows => _rows.Values;

    /// <summary>Where the last whole line ends: a cut line after it is not the journal's.</summary>
    internal long WholeLength { get; private set; }

    public PayoutJournalRow? Row(string clientTransferId) => _rows.TryGetValue(clientTransferId, out var row) ? row : null;

    /// <summary>Reads the journal at <paramref name="path"/> (shared, so never while a run holds it).</summary>
    public static PayoutJournalHistory Read(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        FileStream stream;
        try
        {
            stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw PayoutJournal.InUse(full, ex);
        }

        using (stream)
        {
            return Read(stream, full);
        }
    }

    internal static PayoutJournalHistory Read(Stream stream, string path)
    {
        var history = new PayoutJournalHistory(path);
        stream.Position = 0;
        var number = 0;
        foreach (var (text, end, whole) in Lines(stream))
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                history.WholeLength = end;
                continue;
            }

            PayoutJournalLine line;
            try
            {
                line = PayoutJournalLine.Parse(text);
            }
            catch (InvalidDataException) when (!whole)
            {
                // The last line, with no newline: cut by a kill while it was written (if an intent, its request was
                // not sent yet; a lost outcome only means a look-up on resume).
                break;
            }
            catch (InvalidDataException ex)
            {
                throw history.Unusable(number, ex.Message, ex);
            }

            history.Apply(line, number);
            history.WholeLength = end;
        }

        return history;
    }

    /// <summary>The lines of a journal, streamed: each line's text, where it ends (after its newline), and whether it has one.</summary>
    private static IEnumerable<(string Text, long End, bool Whole)> Lines(Stream stream)
    {
        var buffer = new byte[1 << 16];
        using var line = new MemoryStream();
        long offset = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var from = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    continue;
                }

                line.Write(buffer, from, i - from);
                yield return (Text(line), offset + i + 1, true);
                line.SetLength(0);
                from = i + 1;
            }

            line.Write(buffer, from, read - from);
            offset += read;
        }

        if (line.Length > 0)
        {
            yield return (Text(line), offset, false);
        }
    }

    private static string Text(MemoryStream line) => Encoding.UTF8.GetString(line.GetBuffer(), 0, (int)line.Length).TrimEnd('\r');

    /// <summary>Applies one line: read from the file (<paramref name="number"/>: its line), or just written by this run (0).</summary>
    internal void Apply(PayoutJournalLine line, int number = 0)
    {
        if (Runs == 0 && line.Type != PayoutJournalLineTypes.Run)
        {
            throw Unusable(number, "the journal does not start with a run line (its first line is missing or damaged), so the batch id its rows were sent under is not known");
        }

        FirstAt ??= line.At;
        LastAt = line.At ?? LastAt;
        switch (line.Type)
        {
            case PayoutJournalLineTypes.Run:
                StartOf(line, number);
                break;
            case PayoutJournalLineTypes.Intent:
                var id = Required(line.ClientTransferId, "clientTransferId", number);
                if (number > 0 && _derivedPrefix is not null && id.StartsWith(ClientIds.BatchPrefix, StringComparison.Ordinal) && !id.StartsWith(_derivedPrefix, StringComparison.Ordinal))
                {
                    throw Unusable(number, $"its row's client id {id} was not derived from the batch id '{BatchId}' of the run line: the batch id was edited, or lines of another journal were added");
                }

                if (!_rows.TryGetValue(id, out var row))
                {
                    _rows[id] = row = new PayoutJournalRow(id);
                }

                if (!row.IsPaid)
                {
                    row.TelegramUserId = line.TelegramUserId;
                    row.Asset = Required(line.Asset, "asset", number);
                    row.Amount = line.Amount ?? throw Unusable(number, "it has no amount");
                    row.Outcome = null;
                    row.TransferId = null;
                }

                break;
            case PayoutJournalLineTypes.Outcome:
                var outcomeId = Required(line.ClientTransferId, "clientTransferId", number);
                if (!_rows.TryGetValue(outcomeId, out var sent))
                {
                    throw Unusable(number, $"it has an outcome for the client id {outcomeId}, which no intent line before it sends");
                }

                var outcome = line.Outcome ?? throw Unusable(number, "it has no outcome");
                if (!sent.IsPaid)
                {
                    sent.Outcome = outcome;
                    sent.TransferId = line.TransferId;
                }

                break;
            default:
                throw Unusable(number, $"its type '{line.Type}' is not one a journal holds ({PayoutJournalLineTypes.Run}, {PayoutJournalLineTypes.Intent}, {PayoutJournalLineTypes.Outcome})");
        }
    }

    private void StartOf(PayoutJournalLine line, int number)
    {
        var batchId = Required(line.BatchId, "batchId", number);
        var version = line.Version ?? 1;
        if (version < PayoutJournal.FormatVersion)
        {
            throw new PayoutJournalException(PayoutJournalProblem.Unusable, _path, $"The journal '{_path}' was written by an earlier XRocketPay, whose -BatchId client ids were made another way: resumed now, its rows would get other ids and could be paid again. Finish that run with the version that wrote it, or start a new journal and re-run only the rows it does not show as paid.", number);
        }

        if (version > PayoutJournal.FormatVersion)
        {
            throw Unusable(number, $"it was written by a later XRocketPay (journal format {version}; this one reads {PayoutJournal.FormatVersion})");
        }

        if (BatchId is not null && !string.Equals(BatchId, batchId, StringComparison.Ordinal))
        {
            throw Unusable(number, $"its run line names the batch id '{batchId}', the journal's first run line '{BatchId}': the journal was edited, or two journals were joined");
        }

        BatchId = batchId;
        _derivedPrefix ??= ClientIds.PrefixOf(batchId);
        Runs++;
    }

    private string Required(string? value, string name, int number) =>
        string.IsNullOrEmpty(value) ? throw Unusable(number, $"it has no {name}") : value!;

    private PayoutJournalException Unusable(int number, string why, Exception? inner = null) =>
        new(PayoutJournalProblem.Unusable, _path,
            $"The journal '{_path}' cannot be trusted, so nothing was sent: line {number.ToString(CultureInfo.InvariantCulture)}: {why}. " +
            "Trusting it could pay its rows again. Restore the journal from a copy and run again; or keep it aside, check what was paid " +
            "(Get-XRocketTransfer, or the rows' ClientTransferId), and run only the rows not paid with a new journal.",
            number, inner);
}
