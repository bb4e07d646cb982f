using System.IO;

namespace XRocketPay.Client;

/// <summary>
/// The journal of a payout run: an append-only file of JSON lines (<see cref="PayoutJournalLine"/>). An
/// intent line is written and flushed to disk before its request, an outcome line after; the token is
/// never written. Opening an existing journal reads it once into compact id sets (two 64-bit hashes per
/// client id, nothing else per row), so a resumed run knows which rows are paid (skip, no request) and
/// which have an intent without an outcome (reconcile by client id before sending).
/// </summary>
public sealed class PayoutJournal : IDisposable
{
    /// <summary>3: client ids derived from the row's key, not its recipient (issue 28). Older journals are refused.</summary>
    public const int FormatVersion = 3;
    public const string JournalBatchPrefix = "j-";

    private readonly HashSet<(ulong, ulong)> _paid = new();
    private readonly HashSet<(ulong, ulong)> _pending = new();
    private FileStream? _stream;

    private PayoutJournal(string path) => Path = path;

    public string Path { get; }

    /// <summary>The batch id every row's client id is derived from (kept in the journal's first run line).</summary>
    public string BatchId { get; private set; } = "";

    /// <summary>Rows the journal knows as paid (Sent or AlreadyDone).</summary>
    public int PaidCount => _paid.Count;

    /// <summary>Rows with an intent (or an Unknown outcome) and no final outcome.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>Runs recorded before this one.</summary>
    public int PreviousRuns { get; private set; }

    /// <summary>
    /// Reads the journal at <paramref name="path"/> when it exists. <paramref name="batchId"/> must match the
    /// journal's (or be null: the journal's is used; a new journal gets a random <c>j-</c> one).
    /// <paramref name="forWriting"/> opens the file for appending (and writes this run's line on <see cref="Start"/>).
    /// </summary>
    public static PayoutJournal Open(string path, string? batchId, bool forWriting)
    {
        var journal = new PayoutJournal(System.IO.Path.GetFullPath(path));
        string? recorded = null;
        int? version = null;
        var rows = false;
        if (File.Exists(journal.Path))
        {
            foreach (var line in PayoutJournalLine.ReadAll(journal.Path))
            {
                switch (line.Type)
                {
                    case PayoutJournalLine.Run:
                        recorded ??= line.BatchId;
                        version ??= line.Version;
                        journal.PreviousRuns++;
                        break;
                    case PayoutJournalLine.Intent:
                        rows = true;
                        journal.Payments.Read(line);
                        var key = Key(line.ClientTransferId);
                        if (!journal._paid.Contains(key))
                        {
                            journal._pending.Add(key);
                        }

                        break;
                    case PayoutJournalLine.Outcome:
                        journal.Payments.Read(line);
                        journal.Settle(line.ClientTransferId, line.Status);
                        break;
                }
            }
        }

        // A run line without a version is an earlier XRocketPay's (a journal written with no run line at all was
        // written by this one through the engine, which does not need Start).
        if (rows && journal.PreviousRuns > 0 && (version ?? 1) < FormatVersion)
        {
            throw new ArgumentException($"The journal '{path}' was written by an earlier XRocketPay, whose -BatchId client ids were made another way: resumed now, its rows would get other ids and could be paid again. Finish that run with the version that wrote it, or start a new journal and re-run only the rows it does not show as paid (Get-XRocketJournal -Path '{path}').");
        }

        if (recorded is not null && batchId is not null && !string.Equals(recorded, batchId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The journal '{path}' belongs to batch id '{recorded}', not '{batchId}': resume with the same batch id (or none), or start a new journal.");
        }

        journal.BatchId = recorded ?? batchId ?? JournalBatchPrefix + Guid.NewGuid().ToString("N").Substring(0, 16);
        if (forWriting)
        {
            var directory = System.IO.Path.GetDirectoryName(journal.Path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            journal._stream = new FileStream(journal.Path, FileMode.Append, FileAccess.Write, FileShare.Read, 1 << 16);
            if (journal._stream.Position > 0 && !EndsWithNewLine(journal.Path))
            {
                // A line cut by a kill: end it, so the next line stands alone (readers skip the cut one).
                journal._stream.WriteByte((byte)'\n');
            }
        }

        return journal;
    }

    /// <summary>What each paid client id paid, for admission's "same payment?" (issue 28).</summary>
    public JournaledPayments Payments { get; } = new();

    public bool IsPaid(string clientTransferId) => _paid.Contains(Key(clientTransferId));

    public bool IsPending(string clientTransferId) => _pending.Contains(Key(clientTransferId));

    /// <summary>Appends this run's line (the batch id, when, which command): the start of a run.</summary>
    public void Start(string command) =>
        Append(new[] { new PayoutJournalLine { Type = PayoutJournalLine.Run, BatchId = BatchId, Command = command, Version = FormatVersion } }, toDisk: true);

    /// <summary>Appends intent lines and flushes them to disk: call before the request that sends these rows.</summary>
    public void Intents(IEnumerable<PayoutJournalLine> intents)
    {
        var lines = intents.ToList();
        foreach (var line in lines)
        {
            line.Type = PayoutJournalLine.Intent;
            Payments.Read(line);
            _pending.Add(Key(line.ClientTransferId));
        }

        Append(lines, toDisk: true);
    }

    /// <summary>Appends outcome lines (flushed to the operating system: a lost one only means a look-up on resume).</summary>
    public void Outcomes(IEnumerable<PayoutJournalLine> outcomes)
    {
        var lines = outcomes.ToList();
        foreach (var line in lines)
        {
            line.Type = PayoutJournalLine.Outcome;
            Payments.Read(line);
            Settle(line.ClientTransferId, line.Status);
        }

        Append(lines, toDisk: false);
    }

    public void Dispose()
    {
        _stream?.Dispose();
        _stream = null;
    }

    private void Settle(string? clientTransferId, string? status)
    {
        var key = Key(clientTransferId);
        if (XRocketPay.Client.Outcomes.IsPaid(status))
        {
            _paid.Add(key);
            _pending.Remove(key);
        }
        else if (status == nameof(XRocketOutcome.Failed))
        {
            // Not paid: the row may be sent again (with the same client id).
            _pending.Remove(key);
        }
        else if (!_paid.Contains(key))
        {
            // Unknown: may have been paid; a resumed run sends it again with the same client id, which cannot pay twice.
            _pending.Add(key);
        }
    }

    private void Append(IReadOnlyCollection<PayoutJournalLine> lines, bool toDisk)
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

        buffer.Position = 0;
        buffer.CopyTo(_stream);
        _stream.Flush(toDisk);
    }

    private static bool EndsWithNewLine(string path)
    {
        using var read = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (read.Length == 0)
        {
            return true;
        }

        read.Seek(-1, SeekOrigin.End);
        return read.ReadByte() == '\n';
    }

    private static (ulong, ulong) Key(string? clientTransferId) => CompactId.Of128(clientTransferId);
}
