using System.IO;

namespace XRocketPay.Client;

/// <summary>
/// The journal of a payout run: a file of JSON lines (<see cref="PayoutJournalLine"/>) that only grows. An
/// intent line is written and flushed to disk before its request, an outcome line after; the token is never
/// written. Opened for a run, the file is locked (<see cref="FileShare.None"/>) until disposed: a second run
/// on it stops at once (<see cref="PayoutJournalProblem.InUse"/>), so two runs never pay from one journal or
/// write over each other's lines. It is read once, under that lock, by the one reading
/// (<see cref="PayoutJournalHistory"/>), which refuses a damaged journal before anything is sent.
/// </summary>
public sealed class PayoutJournal : IDisposable
{
    /// <summary>3: client ids derived from the row's key, not its recipient (issue 28). Older journals are refused.</summary>
    public const int FormatVersion = 3;
    public const string JournalBatchPrefix = "j-";

    private readonly PayoutJournalHistory _history;
    private FileStream? _stream;
    private bool _started;

    private PayoutJournal(string path, PayoutJournalHistory history, string batchId)
    {
        Path = path;
        _history = history;
        BatchId = batchId;
    }

    public string Path { get; }

    /// <summary>The batch id every row's client id is derived from (kept in the journal's run lines).</summary>
    public string BatchId { get; }

    /// <summary>Rows the journal knows as paid (Sent or AlreadyDone).</summary>
    public int PaidCount => _history.Rows.Count(r => r.IsPaid);

    /// <summary>Rows sent with no outcome, or Unknown: a resumed run settles them by client id.</summary>
    public int PendingCount => _history.Rows.Count(r => r.IsPending);

    /// <summary>Runs recorded before this one.</summary>
    public int PreviousRuns { get; private set; }

    /// <summary>
    /// Opens the journal at <paramref name="path"/> (made when it does not exist, unless only reading).
    /// <paramref name="batchId"/> must match the journal's (or be null: the journal's is used; a new journal
    /// gets a random <c>j-</c> one). <paramref name="forWriting"/> locks the file for this run and appends
    /// (the run line on <see cref="Start"/>). Throws <see cref="PayoutJournalException"/>.
    /// </summary>
    public static PayoutJournal Open(string path, string? batchId, bool forWriting)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!forWriting)
        {
            var read = File.Exists(full) ? PayoutJournalHistory.Read(full) : PayoutJournalHistory.Read(new MemoryStream(), full);
            return Made(full, read, batchId);
        }

        FileStream stream;
        try
        {
            var directory = System.IO.Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            stream = new FileStream(full, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        }
        catch (IOException ex) when (ex is not DirectoryNotFoundException and not PathTooLongException)
        {
            throw InUse(full, ex);
        }

        try
        {
            var history = PayoutJournalHistory.Read(stream, full);
            var journal = Made(full, history, batchId);

            // A last line cut by a kill (not a line of the journal, see PayoutJournalHistory) is dropped, so the
            // next line stands alone; under the lock no other run can be writing it.
            if (stream.Length > history.WholeLength)
            {
                stream.SetLength(history.WholeLength);
            }

            stream.Seek(0, SeekOrigin.End);
            journal._stream = stream;
            return journal;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads a journal for an audit (Get-XRocketJournal): the same reading a run makes.</summary>
    public static PayoutJournalHistory Read(string path) => PayoutJournalHistory.Read(path);

    internal static PayoutJournalException InUse(string path, Exception inner) =>
        new(PayoutJournalProblem.InUse, path, $"The journal '{path}' is in use by another run (a journal is one run's at a time), so nothing was sent: {inner.Message} Wait for that run to end, then run again with the same journal: rows it paid are skipped.", null, inner);

    private static PayoutJournal Made(string path, PayoutJournalHistory history, string? batchId)
    {
        if (history.BatchId is { } recorded && batchId is not null && !string.Equals(recorded, batchId, StringComparison.Ordinal))
        {
            throw new PayoutJournalException(PayoutJournalProblem.Unusable, path, $"The journal '{path}' belongs to batch id '{recorded}', not '{batchId}': resume with the same batch id (or none), or start a new journal.");
        }

        return new PayoutJournal(path, history, history.BatchId ?? batchId ?? JournalBatchPrefix + Guid.NewGuid().ToString("N").Substring(0, 16))
        {
            PreviousRuns = history.Runs,
        };
    }

    /// <summary>The journal's word on a row: its attempt and outcome, or null when it never sent it.</summary>
    public PayoutJournalRow? Row(string clientTransferId) => _history.Row(clientTransferId);

    public bool IsPaid(string clientTransferId) => Row(clientTransferId)?.IsPaid == true;

    public bool IsPending(string clientTransferId) => Row(clientTransferId)?.IsPending == true;

    /// <summary>Appends this run's line (the batch id, when, which command): the start of a run.</summary>
    public void Start(string command)
    {
        _started = true;
        var line = new PayoutJournalLine { Type = PayoutJournalLineTypes.Run, BatchId = BatchId, Command = command, Version = FormatVersion };
        Append(new[] { line });
        _history.Apply(line);
    }

    /// <summary>Appends intent lines and flushes them to disk: call before the request that sends these rows.</summary>
    public void Intents(IEnumerable<PayoutJournalLine> intents)
    {
        if (!_started)
        {
            // A journal's first line is a run line: a caller of the engine that did not start one gets one.
            Start(nameof(XRocketPayoutRun));
        }

        var lines = intents.ToList();
        foreach (var line in lines)
        {
            line.Type = PayoutJournalLineTypes.Intent;
        }

        Append(lines);
        foreach (var line in lines)
        {
            _history.Apply(line);
        }
    }

    /// <summary>Appends outcome lines and flushes them to disk.</summary>
    public void Outcomes(IEnumerable<PayoutJournalLine> outcomes)
    {
        var lines = outcomes.ToList();
        foreach (var line in lines)
        {
            line.Type = PayoutJournalLineTypes.Outcome;
        }

        Append(lines);
        foreach (var line in lines)
        {
            _history.Apply(line);
        }
    }

    public void Dispose()
    {
        _stream?.Dispose();
        _stream = null;
    }

    /// <summary>Writes lines at the end of the file in one write, flushed to disk; a failed write stops the run.</summary>
    private void Append(IReadOnlyCollection<PayoutJournalLine> lines)
    {
        if (_stream is null)
        {
            throw new InvalidOperationException("The journal was opened read-only.");
        }

        if (lines.Count == 0)
        {
            return;
        }

        var at = DateTimeOffset.UtcNow;
        using var buffer = new MemoryStream();
        foreach (var line in lines)
        {
            line.At ??= at;
            line.WriteTo(buffer);
        }

        try
        {
            _stream.Seek(0, SeekOrigin.End);
            buffer.Position = 0;
            buffer.CopyTo(_stream);
            _stream.Flush(flushToDisk: true);
        }
        catch (IOException ex)
        {
            throw new PayoutJournalException(PayoutJournalProblem.WriteFailed, Path,
                $"The journal '{Path}' could not be written ({ex.Message}), so the run stopped. Rows of the last request may have been paid: " +
                "free the space (or fix the drive), then run the same command again with the same journal to settle them; nothing is paid twice.", null, ex);
        }
    }
}
