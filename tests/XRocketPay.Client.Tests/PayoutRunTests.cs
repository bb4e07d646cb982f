namespace XRocketPay.Client.Tests;

/// <summary>The throttle's token bucket (on a fake clock: no timing) and the journal's rules, without a server.</summary>
public sealed class PayoutRunTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "xrocketpay-journal-" + Guid.NewGuid().ToString("N"));

    public PayoutRunTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_throttle_spaces_requests_per_route_without_bursts()
    {
        var now = TimeSpan.Zero;
        var throttle = new XRocketThrottle(2, () => now);
        Assert.Equal(TimeSpan.Zero, throttle.Reserve("POST", "api/v1/transfers"));
        Assert.Equal(TimeSpan.FromMilliseconds(500), throttle.Reserve("POST", "api/v1/transfers"));
        Assert.Equal(TimeSpan.FromMilliseconds(1000), throttle.Reserve("POST", "api/v1/transfers"));
        Assert.Equal(TimeSpan.Zero, throttle.Reserve("GET", "api/v1/transfer"));

        // Idle time earns no burst: after a long pause the next request goes now, the one after waits a full interval.
        now = TimeSpan.FromMinutes(1);
        Assert.Equal(TimeSpan.Zero, throttle.Reserve("POST", "api/v1/transfers"));
        Assert.Equal(TimeSpan.FromMilliseconds(500), throttle.Reserve("POST", "api/v1/transfers"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new XRocketThrottle(0));
    }

    [Fact]
    public void A_reopened_journal_knows_paid_rows_and_rows_to_reconcile_and_keeps_its_batch_id()
    {
        var path = Path.Combine(_directory, "run.jsonl");
        string batchId;
        using (var journal = PayoutJournal.Open(path, null, forWriting: true))
        {
            batchId = journal.BatchId;
            Assert.StartsWith(PayoutJournal.JournalBatchPrefix, batchId);
            journal.Start("test");
            journal.Intents(new[] { "a", "b", "c", "d" }.Select(id => new PayoutJournalLine { ClientTransferId = id, TelegramUserId = "7", Asset = "TRX", Amount = 1.5m }));
            journal.Outcomes(new[]
            {
                new PayoutJournalLine { ClientTransferId = "a", Outcome = XRocketOutcome.Sent, TransferId = "1" },
                new PayoutJournalLine { ClientTransferId = "b", Outcome = XRocketOutcome.Failed, Error = "TargetUserNotFound" },
                new PayoutJournalLine { ClientTransferId = "c", Outcome = XRocketOutcome.Unknown },
            });
        }

        // A last line cut by a kill: not the journal's; the next run drops it, so its own lines stand alone.
        File.AppendAllText(path, "{\"type\":\"outcome\",\"clientTra");
        using (var again = PayoutJournal.Open(path, null, forWriting: true))
        {
            Assert.Equal(batchId, again.BatchId);
            Assert.True(again.IsPaid("a"));
            Assert.False(again.IsPaid("b") || again.IsPending("b"));
            Assert.True(again.IsPending("c"));
            Assert.True(again.IsPending("d"));
            Assert.False(again.IsPaid("e") || again.IsPending("e"));
            again.Start("test");
        }

        var lines = File.ReadAllLines(path);
        Assert.Equal("run", PayoutJournalLine.Parse(lines[^1]).Type);
        Assert.Equal(1.5m, PayoutJournalLine.Parse(lines[1]).Amount);
        Assert.Contains("\"amount\":\"1.5\"", lines[1]);
        Assert.DoesNotContain(lines, l => l.Contains("clientTra\"", StringComparison.Ordinal) && !l.EndsWith("}", StringComparison.Ordinal));
        Assert.Equal(PayoutJournalProblem.Unusable, Assert.Throws<PayoutJournalException>(() => PayoutJournal.Open(path, "another-batch", forWriting: false)).Problem);
    }

    [Theory]
    [InlineData("1,000")]
    [InlineData("1e3")]
    [InlineData("-1")]
    public void A_journal_line_whose_amount_the_strict_money_reader_refuses_is_refused(string amount)
    {
        var text = "{\"type\":\"intent\",\"clientTransferId\":\"a\",\"target\":\"7\",\"asset\":\"TRX\",\"amount\":\"" + amount + "\"}";
        Assert.Throws<InvalidDataException>(() => PayoutJournalLine.Parse(text));
        var path = Path.Combine(_directory, "tampered.jsonl");
        File.WriteAllText(path, text + "\n");
        Assert.Equal(1, Assert.Throws<PayoutJournalException>(() => PayoutJournal.Open(path, null, forWriting: false)).Line);
        Assert.Equal(1000m, PayoutJournalLine.Parse(text.Replace(amount, "1000")).Amount);
    }

    [Fact]
    public void Admission_skips_a_journaled_row_only_when_it_is_the_same_payment_else_a_conflict_naming_both()
    {
        var path = Path.Combine(_directory, "admit.jsonl");
        using (var journal = PayoutJournal.Open(path, "rA", forWriting: true))
        {
            journal.Start("test");
            journal.Intents(new[] { new PayoutJournalLine { ClientTransferId = ClientIds.PrefixOf("rA") + "1", TelegramUserId = "777001", Asset = "TONCOIN", Amount = 7m } });
            journal.Outcomes(new[] { new PayoutJournalLine { ClientTransferId = ClientIds.PrefixOf("rA") + "1", Outcome = XRocketOutcome.Sent, TransferId = "42" } });
            journal.Intents(new[] { new PayoutJournalLine { ClientTransferId = ClientIds.PrefixOf("rA") + "2", TelegramUserId = "404404404", Asset = "USDT", Amount = 5m } });
            journal.Outcomes(new[] { new PayoutJournalLine { ClientTransferId = ClientIds.PrefixOf("rA") + "2", Outcome = XRocketOutcome.Failed } });
        }

        using var read = PayoutJournal.Open(path, null, forWriting: false);
        var same = Outcomes.Admit(new XRocketPayoutRow("777001", "toncoin", 7.0m, ClientIds.PrefixOf("rA") + "1"), read);
        Assert.Equal(XRocketOutcome.AlreadyDone, same!.Outcome);
        Assert.Equal("42", same.Transfer?.TransferId);   // a re-run shows which transfer paid the row, as the first run did

        // The salary's id now asked with the bonus's payment: a conflict naming both versions, not a skip.
        var changed = Outcomes.Admit(new XRocketPayoutRow("777001", "USDT", 5m, ClientIds.PrefixOf("rA") + "1"), read);
        Assert.Equal(XRocketOutcome.Failed, changed!.Outcome);
        var conflict = Assert.IsType<XRocketConflictException>(changed.Error);
        Assert.Equal(new[] { "asset", "amount" }, conflict.DifferingFields);
        Assert.Contains("7 TONCOIN to 777001", conflict.Message);
        Assert.Contains("5 USDT to 777001", conflict.Message);
        Assert.Contains("transfer 42", conflict.Message);

        // Refused before: not paid, so sent (null), corrected or not.
        Assert.Null(Outcomes.Admit(new XRocketPayoutRow("777001", "USDT", 5m, ClientIds.PrefixOf("rA") + "2"), read));
        Assert.Null(Outcomes.Admit(new XRocketPayoutRow("777001", "USDT", 5m, ClientIds.PrefixOf("rA") + "3"), read));
    }

    [Fact]
    public void Paid_means_Sent_or_AlreadyDone_for_outcomes_and_journal_statuses_alike()
    {
        Assert.True(Outcomes.IsPaid(XRocketOutcome.Sent) && Outcomes.IsPaid(XRocketOutcome.AlreadyDone));
        Assert.False(Outcomes.IsPaid(XRocketOutcome.Failed) || Outcomes.IsPaid(XRocketOutcome.Unknown));
        var paid = new XRocketPay.Client.Models.Transfer { TransferId = "1", Target = "7", Asset = "TRX", Amount = 1.50m };
        Assert.Empty(Outcomes.Differences(paid, "7", "trx", 1.5m));
        Assert.Equal(new[] { "target", "amount" }, Outcomes.Differences(paid, "8", "TRX", 1.5000001m));
    }

    [Fact]
    public void Derived_client_ids_count_the_rows_of_a_key_and_never_use_recipient_asset_or_amount()
    {
        // Issue 28: a row's id is its reference, else its description and occurrence: no correction of a
        // recipient, asset or amount can move an id to another row.
        var ids = new ClientIds("batch");
        var first = ids.ForRow(null, null, "salary");
        var second = ids.ForRow(null, null, "salary");
        var referenced = ids.ForRow(null, "R-1", "salary");
        Assert.Equal(3, new[] { first, second, referenced }.Distinct().Count());
        var again = new ClientIds("batch");
        Assert.Equal(new[] { first, second, referenced }, new[] { again.ForRow(null, null, "salary"), again.ForRow(null, null, "salary"), again.ForRow(null, " R-1 ", "other text") });
        Assert.Equal("own", ids.ForRow("own", "R-1", "salary"));

        // A reference and a description of the same text are two keys.
        Assert.NotEqual(new ClientIds("batch").ForRow(null, "salary", null), new ClientIds("batch").ForRow(null, null, "salary"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_journal_written_before_identity_ids_is_refused_with_a_reason(int version)
    {
        var path = Path.Combine(Path.GetTempPath(), $"xrp-old-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path, new[]
        {
            "{\"type\":\"run\",\"at\":\"2026-01-01T00:00:00.000Z\",\"batchId\":\"nov\",\"command\":\"New-XRocketTransfer\",\"version\":" + version + "}",
            "{\"type\":\"intent\",\"at\":\"2026-01-01T00:00:00.000Z\",\"clientTransferId\":\"b-0123456789abcdef0123456789abcdef01234567\",\"target\":\"7\",\"asset\":\"TRX\",\"amount\":\"1\"}",
        });
        try
        {
            var refused = Assert.Throws<PayoutJournalException>(() => PayoutJournal.Open(path, "nov", forWriting: false));
            Assert.Contains("earlier XRocketPay", refused.Message);
            Assert.Contains("client ids were made another way", refused.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
