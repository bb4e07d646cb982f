using System.Globalization;
using XRocketPay.Client.Models;

namespace XRocketPay.Client.Tests;

/// <summary>The payout engine against the sandbox: settling lost answers, verifying taken rows by listing, journal resume, Ctrl+C.</summary>
public abstract class PayoutEngineTests : IDisposable
{
    private readonly SandboxFixture _sandbox;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "xrocketpay-engine-" + Guid.NewGuid().ToString("N"));

    protected PayoutEngineTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
        Directory.CreateDirectory(_directory);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static List<XRocketPayoutRow> Rows(int count, string prefix, decimal amount = 0.001m) =>
        Enumerable.Range(1, count).Select(i => new XRocketPayoutRow((100_000 + i).ToString(CultureInfo.InvariantCulture), "TONCOIN", amount, $"{prefix}-{i}")).ToList();

    private int Requests(string method, string path) => _sandbox.Requests(method, path).Count;

    [Theory]
    [InlineData(XRocketPayoutMode.OneByOne, "/api/v1/transfers", "status", 500)]
    [InlineData(XRocketPayoutMode.OneByOne, "/api/v1/transfers", "status", 429)]
    [InlineData(XRocketPayoutMode.OneByOne, "/api/v1/transfers", "drop", 0)]
    [InlineData(XRocketPayoutMode.OneByOne, "/api/v1/transfers", "malformed", 0)]
    [InlineData(XRocketPayoutMode.OneByOne, "/api/v1/transfers", "after-commit", 503)]
    [InlineData(XRocketPayoutMode.Mass, "/api/v1/mass-transfers", "status", 503)]
    [InlineData(XRocketPayoutMode.Mass, "/api/v1/mass-transfers", "drop", 0)]
    [InlineData(XRocketPayoutMode.Mass, "/api/v1/mass-transfers", "malformed", 0)]
    [InlineData(XRocketPayoutMode.Mass, "/api/v1/mass-transfers", "after-commit", 0)]
    public async Task A_fault_that_outlasts_one_calls_retries_is_settled_in_the_run(XRocketPayoutMode mode, string path, string fault, int status)
    {
        // Ten faults in a row: more than one call's four attempts, fewer than the settling bound allows.
        _sandbox.AddFault(new { path, method = "POST", mode = fault, status, count = 10 });
        var results = await new XRocketPayoutRun(_sandbox.Client(), mode).RunAsync(Rows(3, "settle"));
        Assert.All(results, r => Assert.Equal(XRocketOutcome.Sent, r.Outcome));
        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Equal(3, _sandbox.Client().ListTransfers().Count());
        Assert.Equal(10_000m - 0.003m, _sandbox.Balance("TONCOIN"));
    }

    [Theory]
    [InlineData("/api/v1/cheques")]
    [InlineData("/api/v1/invoices")]
    [InlineData("/api/v1/withdrawals")]
    public async Task A_malformed_answer_to_another_create_is_settled_with_one_object(string path)
    {
        var client = _sandbox.Client();
        _sandbox.AddFault(new { path, method = "POST", mode = "malformed", count = 6 });
        XRocketOutcome outcome = path switch
        {
            "/api/v1/cheques" => (await client.CreateChequeAsync(new CreateChequeRequest { Asset = "USDT", Amount = 1m })).Outcome,
            "/api/v1/invoices" => (await client.CreateInvoiceAsync(new CreateInvoiceRequest { PriceCurrency = "USDT", PriceAmount = 1m })).Outcome,
            _ => (await client.CreateWithdrawalAsync(new CreateWithdrawalRequest { Network = "TON", Address = "0:ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12", Asset = "TONCOIN", Amount = 1m })).Outcome,
        };
        Assert.Equal(XRocketOutcome.Sent, outcome);
        var created = path switch
        {
            "/api/v1/cheques" => client.ListCheques().Count(),
            "/api/v1/invoices" => client.ListInvoices().Count(),
            _ => client.ListWithdrawals().Count(),
        };
        Assert.Equal(1, created);
    }

    [Fact]
    public async Task A_fault_that_outlasts_the_run_leaves_rows_Unknown_and_the_same_run_again_settles_them_without_paying_twice()
    {
        var path = Path.Combine(_directory, "outage.jsonl");
        var rows = Rows(4, "outage");
        _sandbox.AddFault(new { path = "/api/v1/mass-transfers", method = "POST", mode = "after-commit", status = 503, count = 100_000 });
        IReadOnlyList<XRocketPayoutResult> first;
        using (var journal = PayoutJournal.Open(path, "outage", forWriting: true))
        {
            first = await new XRocketPayoutRun(_sandbox.Client(configure: o => o.SettleWithin = TimeSpan.FromMilliseconds(300)), XRocketPayoutMode.Mass, journal).RunAsync(rows);
        }

        Assert.All(first, r => Assert.Equal(XRocketOutcome.Unknown, r.Outcome));
        Assert.All(first, r => Assert.Contains("re-run with the same client id", r.Error!.Message));
        _sandbox.ClearFaults();
        using (var journal = PayoutJournal.Open(path, "outage", forWriting: true))
        {
            Assert.Equal(4, journal.PendingCount);
            var again = await new XRocketPayoutRun(_sandbox.Client(), XRocketPayoutMode.Mass, journal).RunAsync(rows);
            Assert.All(again, r => Assert.Equal(XRocketOutcome.AlreadyDone, r.Outcome));
        }

        Assert.Equal(4, _sandbox.Client().ListTransfers().Count());
    }

    [Fact]
    public async Task A_killed_run_resumes_from_its_journal_with_no_request_for_a_paid_row()
    {
        var path = Path.Combine(_directory, "resume.jsonl");
        var rows = Rows(6, "resume");
        using (var journal = PayoutJournal.Open(path, "resume", forWriting: true))
        {
            await new XRocketPayoutRun(_sandbox.Client(), XRocketPayoutMode.OneByOne, journal).RunAsync(rows.Take(4));
        }

        _sandbox.ClearRequests();
        using (var journal = PayoutJournal.Open(path, null, forWriting: true))
        {
            var results = await new XRocketPayoutRun(_sandbox.Client(), XRocketPayoutMode.OneByOne, journal).RunAsync(rows);
            Assert.Equal(new[] { "AlreadyDone", "AlreadyDone", "AlreadyDone", "AlreadyDone", "Sent", "Sent" }, results.Select(r => r.Outcome.ToString()));
        }

        Assert.Equal(2, Requests("POST", "/api/v1/transfers"));
        Assert.Equal(6, _sandbox.Client().ListTransfers().Count());
    }

    [Fact]
    public async Task A_mass_rerun_without_a_journal_verifies_taken_rows_by_listing_in_a_few_requests()
    {
        var rows = Rows(1200, "rerun");
        var first = await new XRocketPayoutRun(_sandbox.Client(), XRocketPayoutMode.Mass).RunAsync(rows);
        Assert.All(first, r => Assert.Equal(XRocketOutcome.Sent, r.Outcome));
        Assert.Equal(3, Requests("POST", "/api/v1/mass-transfers"));

        _sandbox.ClearRequests();
        var again = await new XRocketPayoutRun(_sandbox.Client(), XRocketPayoutMode.Mass).RunAsync(rows);
        Assert.All(again, r => Assert.Equal(XRocketOutcome.AlreadyDone, r.Outcome));
        Assert.Equal(3, Requests("POST", "/api/v1/mass-transfers"));
        Assert.Equal(1 + 2, Requests("GET", "/api/v1/transfers")); // the note of the newest transfer, then the listing
        Assert.Equal(0, Requests("GET", "/api/v1/transfer"));
    }

    [Fact]
    public async Task A_rerun_whose_answer_is_lost_says_AlreadyDone_for_rows_an_earlier_run_paid()
    {
        var rows = Rows(3, "outage");
        await new XRocketPayoutRun(_sandbox.Client(), XRocketPayoutMode.Mass).RunAsync(rows);
        _sandbox.AddFault(new { path = "/api/v1/mass-transfers", method = "POST", mode = "status", status = 503 });
        var again = await new XRocketPayoutRun(_sandbox.Client(), XRocketPayoutMode.Mass).RunAsync(rows);
        Assert.All(again, r => Assert.Equal(XRocketOutcome.AlreadyDone, r.Outcome));
        Assert.Equal(3, _sandbox.Client().ListTransfers().Count());
    }

    [Fact]
    public async Task A_one_by_one_rerun_verifies_taken_rows_in_a_group_and_finds_a_conflict_through_the_listing()
    {
        var rows = Rows(30, "single");
        await new XRocketPayoutRun(_sandbox.Client(), XRocketPayoutMode.OneByOne).RunAsync(rows);
        _sandbox.ClearRequests();
        rows[7] = new XRocketPayoutRow(rows[7].TelegramUserId, "TONCOIN", 0.5m, rows[7].ClientTransferId);
        var again = await new XRocketPayoutRun(_sandbox.Client(), XRocketPayoutMode.OneByOne).RunAsync(rows);
        Assert.Equal(30, Requests("POST", "/api/v1/transfers"));
        Assert.Equal(1 + 1, Requests("GET", "/api/v1/transfers"));
        var conflict = Assert.Single(again, r => r.Outcome == XRocketOutcome.Failed);
        Assert.Equal("single-8", conflict.Row.ClientTransferId);
        var error = Assert.IsType<XRocketConflictException>(conflict.Error);
        Assert.Contains("0.001 TONCOIN", error.Message);
        Assert.Contains("0.5 TONCOIN", error.Message);
        Assert.Contains(conflict.Transfer!.TransferId, error.Message);
        Assert.Equal(29, again.Count(r => r.Outcome == XRocketOutcome.AlreadyDone));
        Assert.Equal(30, _sandbox.Client().ListTransfers().Count());
    }

    [Fact]
    public async Task A_taken_row_the_listing_does_not_show_within_its_pages_is_looked_up_by_client_id()
    {
        var client = _sandbox.Client();
        var old = Rows(1, "old");
        await new XRocketPayoutRun(client, XRocketPayoutMode.OneByOne).RunAsync(old);
        await new XRocketPayoutRun(client, XRocketPayoutMode.Mass).RunAsync(Rows(XRocketPayoutLimits.TransferListPage * XRocketPayoutLimits.TransferListPagesPerVerification, "newer", 0.000001m));
        _sandbox.ClearRequests();
        var again = Assert.Single(await new XRocketPayoutRun(client, XRocketPayoutMode.OneByOne).RunAsync(old));
        Assert.Equal(XRocketOutcome.AlreadyDone, again.Outcome);
        Assert.Equal(1 + XRocketPayoutLimits.TransferListPagesPerVerification, Requests("GET", "/api/v1/transfers"));
        Assert.Equal(1, Requests("GET", "/api/v1/transfer"));
    }

    [Fact]
    public async Task Ctrl_C_with_a_mass_chunk_in_flight_journals_its_rows_Unknown_never_Failed()
    {
        var path = Path.Combine(_directory, "cancel.jsonl");
        _sandbox.AddFault(new { path = "/api/v1/mass-transfers", method = "POST", mode = "delay", delayMs = 1500 });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        using (var journal = PayoutJournal.Open(path, "cancel", forWriting: true))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new XRocketPayoutRun(_sandbox.Client(), XRocketPayoutMode.Mass, journal).RunAsync(Rows(3, "cancel"), null, cancel.Token));
        }

        var outcomes = PayoutJournal.Read(path).Rows.Select(r => r.Outcome).ToList();
        Assert.Equal(new XRocketOutcome?[] { XRocketOutcome.Unknown, XRocketOutcome.Unknown, XRocketOutcome.Unknown }, outcomes);
        using var reopened = PayoutJournal.Open(path, null, forWriting: false);
        Assert.Equal(3, reopened.PendingCount);
    }

    [Fact]
    public void A_chunk_is_never_larger_than_the_APIs_mass_limit()
    {
        Assert.Equal(500, XRocketPayoutLimits.MassTransferRows);
        Assert.Throws<ArgumentOutOfRangeException>(() => new XRocketPayoutQueue(XRocketPayoutMode.Mass, XRocketPayoutLimits.MassTransferRows + 1));
    }

    /// <summary>The engine's doc example (<c>XRocketPayoutRun.cs</c>), run as written; the next test holds the two texts together.</summary>
    [Fact]
    public async Task The_engine_doc_example_runs_as_written_and_a_rerun_pays_nothing()
    {
        var path = Path.Combine(_directory, "payouts.journal");
        var client = _sandbox.Client();
        var lines = new[] { (User: "100201", Amount: 1.5m, Reference: "r-1", Description: "november"), (User: "100202", Amount: 2m, Reference: "r-2", Description: "november") };
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            using var journal = PayoutJournal.Open(path, "nov", forWriting: true);
            journal.Start("my-app");
            var run = new XRocketPayoutRun(client, XRocketPayoutMode.Mass, journal);
            var ids = new ClientIds(journal.BatchId);
            var rows = lines.Select(l => new XRocketPayoutRow(l.User, "USDT", l.Amount, ids.ForRow(null, l.Reference, l.Description)));
            var results = await run.RunAsync(rows);   // killed? run the same code again: paid rows are skipped
            Assert.All(results, r => Assert.Equal(attempt == 1 ? XRocketOutcome.Sent : XRocketOutcome.AlreadyDone, r.Outcome));
        }
    }

    [Fact]
    public void The_engine_doc_example_is_the_code_that_runs()
    {
        var source = File.ReadAllText(Path.Combine(Here(), "..", "..", "src", "XRocketPay.Client", "Payouts", "XRocketPayoutRun.cs"));
        var example = source[(source.IndexOf("/// <code>", StringComparison.Ordinal) + 10)..source.IndexOf("/// </code>", StringComparison.Ordinal)]
            .Split('\n').Select(l => l.Trim().TrimStart('/').Trim()).Where(l => l.Length > 0).ToList();
        var test = File.ReadAllText(Path.Combine(Here(), "PayoutEngineTests.cs"));
        Assert.True(example.Count >= 5, $"{example.Count} lines");
        Assert.All(example, line => Assert.Contains(line, test, StringComparison.Ordinal));
    }

    /// <summary>A driver that declines every request (-WhatIf): nothing is sent, and the run never asks for its client.</summary>
    [Fact]
    public void A_run_whose_driver_declines_sends_nothing_and_never_connects()
    {
        var run = new XRocketPayoutRun(() => throw new InvalidOperationException("not connected"), XRocketPayoutMode.Mass, chunkSize: 2);
        var driver = new DecliningDriver();
        foreach (var row in Rows(5, "declined"))
        {
            run.Add(row, driver);
        }

        run.Complete(driver);
        Assert.Equal(new[] { 2, 2, 1 }, driver.Asked);
        Assert.False(run.HasSent);
    }

    private static string Here([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private sealed class DecliningDriver : IPayoutRunDriver
    {
        public List<int> Asked { get; } = new();

        public bool Confirm(IReadOnlyList<XRocketPayoutRow> rows)
        {
            Asked.Add(rows.Count);
            return false;
        }

        public T Run<T>(Func<CancellationToken, Task<T>> step) => throw new InvalidOperationException("a declined run makes no request");

        public void Result(XRocketPayoutResult result) => throw new InvalidOperationException("a declined run has no results");
    }
}
