namespace XRocketPay.Client.Tests;

/// <summary>
/// The journal's one reading (<see cref="PayoutJournalHistory"/>) and its lock, without a server: a damaged or
/// shared journal is refused before anything could be paid again (issue 28), and the attempt that counts is
/// the one paid (the audit after the retry flow).
/// </summary>
public sealed class PayoutJournalTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "xrocketpay-journal-" + Guid.NewGuid().ToString("N"));

    public PayoutJournalTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>A journal of batch "nov": two rows paid through the writer, as a run leaves it.</summary>
    private string Written()
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".jsonl");
        var ids = new ClientIds("nov");
        using var journal = PayoutJournal.Open(path, "nov", forWriting: true);
        journal.Start("test");
        var rows = new[] { ids.ForRow(null, null, "seven"), ids.ForRow(null, null, "eight") };
        journal.Intents(rows.Select(id => new PayoutJournalLine { ClientTransferId = id, TelegramUserId = "7", Asset = "TRX", Amount = 1m }));
        journal.Outcomes(rows.Select(id => new PayoutJournalLine { ClientTransferId = id, Outcome = XRocketOutcome.Sent, TransferId = "1" }));
        return path;
    }

    private static PayoutJournalException Refused(string path)
    {
        var read = Assert.Throws<PayoutJournalException>(() => PayoutJournal.Read(path));
        var run = Assert.Throws<PayoutJournalException>(() => PayoutJournal.Open(path, null, forWriting: true));
        Assert.Equal(PayoutJournalProblem.Unusable, read.Problem);
        Assert.Equal(read.Message, run.Message);
        return read;
    }

    [Fact]
    public void A_journal_whose_first_line_is_gone_is_refused()
    {
        var path = Written();
        File.WriteAllLines(path, File.ReadAllLines(path).Skip(1));
        var refused = Refused(path);
        Assert.Equal(1, refused.Line);
        Assert.Contains("run line", refused.Message);
    }

    [Fact]
    public void A_journal_whose_first_bytes_are_cut_is_refused_naming_line_1()
    {
        var path = Written();
        File.WriteAllBytes(path, File.ReadAllBytes(path).Skip(30).ToArray());
        Assert.Equal(1, Refused(path).Line);
    }

    [Fact]
    public void A_journal_whose_batch_id_was_edited_is_refused()
    {
        var path = Written();
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"batchId\":\"nov\"", "\"batchId\":\"dec\""));
        var refused = Refused(path);
        Assert.Equal(2, refused.Line);
        Assert.Contains("'dec'", refused.Message);
    }

    [Fact]
    public void A_second_run_line_of_another_batch_is_refused()
    {
        var path = Written();
        File.AppendAllText(path, "{\"type\":\"run\",\"at\":\"2026-01-01T00:00:00.000Z\",\"batchId\":\"dec\",\"version\":2}\n");
        Assert.Equal(6, Refused(path).Line);
    }

    [Theory]
    [InlineData("{\"type\":\"intent\",\"at\":\"yesterday\",\"clientTransferId\":\"own-1\",\"asset\":\"TRX\",\"amount\":\"1\"}", "time")]
    [InlineData("{\"type\":\"run\",\"at\":\"2026-01-01T00:00:00.000Z\",\"batchId\":\"nov\",\"version\":99999999999999}", "version")]
    [InlineData("{\"type\":\"run\",\"at\":\"2026-01-01T00:00:00.000Z\",\"batchId\":\"nov\",\"version\":4}", "later XRocketPay")]
    [InlineData("{\"type\":\"outcome\",", "not JSON")]
    [InlineData("[1]", "not a JSON object")]
    [InlineData("{\"type\":\"outcome\",\"clientTransferId\":\"nobody\",\"outcome\":\"Sent\"}", "no intent line")]
    [InlineData("{\"type\":\"outcome\",\"clientTransferId\":\"x\",\"outcome\":\"sent\"}", "outcome 'sent'")]
    [InlineData("{\"type\":\"row\",\"clientTransferId\":\"x\"}", "type 'row'")]
    public void Every_parse_error_is_Unusable_naming_its_line(string line, string why)
    {
        var path = Written();
        var lines = File.ReadAllLines(path).ToList();
        lines.Insert(2, line);
        File.WriteAllLines(path, lines);
        var refused = Refused(path);
        Assert.Equal(3, refused.Line);
        Assert.Contains("line 3:", refused.Message);
        Assert.Contains(why, refused.Message);
    }

    [Fact]
    public void The_attempt_that_counts_is_the_paid_one_after_a_refused_first_attempt()
    {
        var path = Path.Combine(_directory, "retry.jsonl");
        using (var journal = PayoutJournal.Open(path, "retry", forWriting: true))
        {
            journal.Start("test");
            journal.Intents(new[] { new PayoutJournalLine { ClientTransferId = "r-1", TelegramUserId = "7", Asset = "TRX", Amount = 0.0000001m } });
            journal.Outcomes(new[] { new PayoutJournalLine { ClientTransferId = "r-1", Outcome = XRocketOutcome.Failed, Error = "AmountTooSmall" } });
            Assert.False(journal.IsPaid("r-1") || journal.IsPending("r-1"));
            journal.Intents(new[] { new PayoutJournalLine { ClientTransferId = "r-1", TelegramUserId = "7", Asset = "TRX", Amount = 0.5m } });
            Assert.True(journal.IsPending("r-1"));
            journal.Outcomes(new[] { new PayoutJournalLine { ClientTransferId = "r-1", Outcome = XRocketOutcome.Sent, TransferId = "9" } });

            // Paid stays paid, with its amount: a later intent or Unknown changes neither.
            journal.Intents(new[] { new PayoutJournalLine { ClientTransferId = "r-1", TelegramUserId = "7", Asset = "TRX", Amount = 3m } });
            journal.Outcomes(new[] { new PayoutJournalLine { ClientTransferId = "r-1", Outcome = XRocketOutcome.Unknown } });
        }

        var row = Assert.Single(PayoutJournal.Read(path).Rows);
        Assert.True(row.IsPaid);
        Assert.Equal(0.5m, row.Amount);
        Assert.Equal("9", row.TransferId);
        Assert.Contains("\"outcome\":\"Sent\"", File.ReadAllText(path));
    }

    [Fact]
    public void A_journal_is_one_runs_at_a_time_and_not_read_while_a_run_holds_it()
    {
        var path = Written();
        var before = File.ReadAllBytes(path);
        using (var held = PayoutJournal.Open(path, null, forWriting: true))
        {
            Assert.Equal(PayoutJournalProblem.InUse, Assert.Throws<PayoutJournalException>(() => PayoutJournal.Open(path, null, forWriting: true)).Problem);
            Assert.Equal(PayoutJournalProblem.InUse, Assert.Throws<PayoutJournalException>(() => PayoutJournal.Read(path)).Problem);
            Assert.Equal(2, held.PaidCount);
        }

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(2, PayoutJournal.Read(path).Rows.Count);
    }

    [Fact]
    public void A_new_journal_opened_by_two_runs_at_once_has_one_owner()
    {
        var path = Path.Combine(_directory, "new.jsonl");
        using var first = PayoutJournal.Open(path, null, forWriting: true);
        var second = Assert.Throws<PayoutJournalException>(() => PayoutJournal.Open(path, null, forWriting: true));
        Assert.Equal(PayoutJournalProblem.InUse, second.Problem);
        Assert.Contains("in use by another run", second.Message);
    }

    [Fact]
    public void An_engine_caller_that_starts_no_run_still_gets_a_run_line_first()
    {
        var path = Path.Combine(_directory, "engine.jsonl");
        using (var journal = PayoutJournal.Open(path, "engine", forWriting: true))
        {
            journal.Intents(new[] { new PayoutJournalLine { ClientTransferId = "e-1", TelegramUserId = "7", Asset = "TRX", Amount = 1m } });
        }

        Assert.StartsWith("{\"type\":\"run\"", File.ReadAllLines(path)[0], StringComparison.Ordinal);
        Assert.Equal("engine", PayoutJournal.Read(path).BatchId);
    }

    [Fact]
    public void Every_line_type_the_writer_uses_is_declared_and_written_as_declared()
    {
        Assert.Equal(new[] { "run", "intent", "outcome", "row" }, PayoutJournalLineTypes.All);
        Assert.All(PayoutJournalLineTypes.All, t => Assert.Matches("^[a-z]+$", t));
        var declared = typeof(PayoutJournalLineTypes).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(declared.OrderBy(t => t), PayoutJournalLineTypes.All.OrderBy(t => t));
        var path = Written();
        Assert.All(File.ReadAllLines(path), l => Assert.Contains(PayoutJournalLine.Parse(l).Type, PayoutJournalLineTypes.All));
    }
}
