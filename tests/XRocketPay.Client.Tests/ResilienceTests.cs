using System.Collections.Concurrent;
using System.Net;
using XRocketPay.Client.Models;

namespace XRocketPay.Client.Tests;

/// <summary>Retries, reconciliation, errors, cancellation, paging and secrecy against the sandbox.</summary>
public abstract class ResilienceTests
{
    private readonly SandboxFixture _sandbox;

    protected ResilienceTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }

    private static CreateTransferRequest Payout(string? clientId = null, decimal amount = 2m, string target = "4242") =>
        new() { Target = target, Asset = "TONCOIN", Amount = amount, ClientTransferId = clientId };

    [Theory]
    [InlineData("status", 500)]
    [InlineData("status", 503)]
    [InlineData("status", 429)]
    [InlineData("drop", 0)]
    public async Task Transient_failures_are_retried_with_the_same_client_id(string mode, int status)
    {
        var traces = new ConcurrentQueue<XRocketTrace>();
        var client = _sandbox.Client(traces: traces);
        _sandbox.AddFault(new { path = "/api/v1/transfers", method = "POST", mode, status, count = 2 });
        var result = await client.CreateTransferAsync(Payout());
        Assert.Equal(XRocketOutcome.Sent, result.Outcome);
        var bodies = _sandbox.Requests("POST", "/api/v1/transfers").Select(r => r.Body).ToList();
        Assert.Equal(3, bodies.Count);
        Assert.All(bodies, b => Assert.Contains("\"clientTransferId\":\"" + result.ClientId + "\"", b));
        Assert.Equal(new[] { 1, 2, 3 }, traces.Select(t => t.Attempt));
        Assert.Equal(10_000m - 2m, _sandbox.Balance("TONCOIN"));
    }

    [Fact]
    public async Task A_timeout_then_a_retry_ends_with_one_transfer_and_a_success()
    {
        // A timeout a busy machine's ordinary calls meet, and a delay derived from it that always outlasts it.
        var timeout = TimeSpan.FromSeconds(5);
        var delay = timeout + TimeSpan.FromSeconds(2);
        var client = _sandbox.Client(configure: o => o.Timeout = timeout);
        _sandbox.AddFault(new { path = "/api/v1/transfers", mode = "delay", delayMs = (int)delay.TotalMilliseconds });
        var result = await client.CreateTransferAsync(Payout("timeout-1"));
        Assert.Equal(XRocketOutcome.Sent, result.Outcome);
        Assert.Equal("timeout-1", result.Value.ClientTransferId);

        // The delayed attempt may still commit after the retry: wait for it, then count.
        await Task.Delay(delay);
        Assert.Single(client.ListTransfers());
        Assert.Equal(10_000m - 2m, _sandbox.Balance("TONCOIN"));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(0)]
    public async Task A_fault_after_the_ledger_commits_then_a_retry_debits_once_and_succeeds(int status)
    {
        var client = _sandbox.Client();
        _sandbox.AddFault(new { path = "/api/v1/transfers", mode = "after-commit", status });
        var result = await client.CreateTransferAsync(Payout("after-commit-1", 3m));
        Assert.Equal(XRocketOutcome.Sent, result.Outcome);
        Assert.Equal(3m, result.Value.Amount);
        Assert.Equal(10_000m - 3m, _sandbox.Balance("TONCOIN"));
        Assert.Single(client.ListTransfers());
    }

    [Fact]
    public async Task A_mass_transfer_whose_answer_is_lost_after_commit_is_retried_and_counted_once()
    {
        var client = _sandbox.Client();
        _sandbox.AddFault(new { path = "/api/v1/mass-transfers", mode = "after-commit", status = 503 });
        var rows = new[] { new MassTransferItem { Target = "11", Amount = 1m }, new MassTransferItem { Target = "12", Amount = 2m } };
        var results = await client.CreateMassTransfersAsync("TONCOIN", rows);
        Assert.All(results, r => Assert.Equal(XRocketOutcome.Sent, r.Outcome));
        Assert.Equal(10_000m - 3m, _sandbox.Balance("TONCOIN"));
        var bodies = _sandbox.Requests("POST", "/api/v1/mass-transfers").Select(r => r.Body).ToList();
        Assert.Equal(2, bodies.Count);
        Assert.Equal(bodies[0], bodies[1]);
    }

    [Fact]
    public async Task A_repeat_with_the_same_data_returns_the_existing_object_and_different_data_is_a_conflict()
    {
        var client = _sandbox.Client();
        var first = await client.CreateTransferAsync(Payout("rerun-1"));
        var again = await client.CreateTransferAsync(Payout("rerun-1"));
        Assert.Equal(XRocketOutcome.AlreadyDone, again.Outcome);
        Assert.Equal(first.Value.TransferId, again.Value.TransferId);

        var conflict = await Assert.ThrowsAsync<XRocketConflictException>(() => client.CreateTransferAsync(Payout("rerun-1", amount: 9m, target: "1")));
        Assert.Equal(new[] { "target", "amount" }, conflict.DifferingFields);
        Assert.Equal("rerun-1", conflict.ClientId);
        Assert.Equal(10_000m - 2m, _sandbox.Balance("TONCOIN"));

        var cheque = await client.CreateChequeAsync(new CreateChequeRequest { Asset = "USDT", Amount = 1m, ClientChequeId = "chq-1" });
        Assert.Equal(XRocketOutcome.AlreadyDone, (await client.CreateChequeAsync(new CreateChequeRequest { Asset = "USDT", Amount = 1m, ClientChequeId = "chq-1" })).Outcome);
        if (_sandbox.Shape == XRocketPay.Sandbox.SandboxShape.Full)
        {
            await Assert.ThrowsAsync<XRocketConflictException>(() => client.CreateChequeAsync(new CreateChequeRequest { Asset = "USDT", Amount = 2m, ClientChequeId = "chq-1" }));
        }
        else
        {
            // No public source shows a cheque's amount, so it cannot be compared: the existing cheque is returned,
            // and nothing more is held (docs/api/README.md lists this limit).
            Assert.Equal(XRocketOutcome.AlreadyDone, (await client.CreateChequeAsync(new CreateChequeRequest { Asset = "USDT", Amount = 2m, ClientChequeId = "chq-1" })).Outcome);
            Assert.Equal(1m, _sandbox.Holds("USDT"));
        }
        Assert.Equal(XRocketOutcome.Sent, (await client.CreateInvoiceAsync(new CreateInvoiceRequest { PriceCurrency = "USDT", PriceAmount = 5m, ClientInvoiceId = "inv-1" })).Outcome);
        Assert.Equal(XRocketOutcome.AlreadyDone, (await client.CreateInvoiceAsync(new CreateInvoiceRequest { PriceCurrency = "USDT", PriceAmount = 5m, ClientInvoiceId = "inv-1" })).Outcome);
        const string address = "0x2222222222222222222222222222222222222222";
        await client.CreateWithdrawalAsync(new CreateWithdrawalRequest { ClientWithdrawalId = "wd-1", Network = "ETH", Address = address, Asset = "ETH", Amount = 1m });
        Assert.Equal(XRocketOutcome.AlreadyDone, (await client.CreateWithdrawalAsync(new CreateWithdrawalRequest { ClientWithdrawalId = "wd-1", Network = "ETH", Address = address, Asset = "ETH", Amount = 1m })).Outcome);
        Assert.Equal("USDT", cheque.Value.Asset);
    }

    [Theory]
    [InlineData("amount_more_than_app_balance")]
    [InlineData("amount_less_than_minimum")]
    [InlineData("target_user_not_found")]
    [InlineData("validation_error")]
    [InlineData("withdrawal_incorrect_address")]
    [InlineData("withdrawal_incorrect_comment")]
    [InlineData("withdrawal_asset_not_allowed")]
    public async Task Business_problems_map_to_their_codes(string code)
    {
        var client = _sandbox.Client();
        const string ton = "0:ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12";
        Func<Task> call = code switch
        {
            "amount_more_than_app_balance" => () => client.CreateTransferAsync(Payout(amount: 20_000m)),
            "amount_less_than_minimum" => () => client.CreateTransferAsync(Payout(amount: 0.0000001m)),
            "target_user_not_found" => () => client.CreateTransferAsync(Payout(target: "404404404")),
            "validation_error" => () => client.CreateTransferAsync(Payout(target: "not-a-user")),
            "withdrawal_incorrect_address" => () => client.CreateWithdrawalAsync(new CreateWithdrawalRequest { Network = "TON", Address = "nope", Asset = "TONCOIN", Amount = 1m }),
            "withdrawal_incorrect_comment" => () => client.CreateWithdrawalAsync(new CreateWithdrawalRequest { Network = "TON", Address = ton, Asset = "TONCOIN", Amount = 1m, Comment = new string('c', 60) }),
            _ => () => client.CreateWithdrawalAsync(new CreateWithdrawalRequest { Network = "SOL", Address = ton, Asset = "TONCOIN", Amount = 1m }),
        };
        var ex = await Assert.ThrowsAsync<XRocketApiException>(call);
        Assert.Equal(code, ex.Code);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal(code == "amount_more_than_app_balance", ex.IsInsufficientFunds);
        Assert.Equal(code == "validation_error", ex.IsValidation);
        Assert.Equal(1, ex.Attempts);
        Assert.NotNull(ex.ClientId);
        Assert.Equal("/api/v1/" + (code.StartsWith("withdrawal", StringComparison.Ordinal) ? "withdrawals" : "transfers"), ex.Path);
    }

    [Theory]
    [InlineData(401, "unauthorized")]
    [InlineData(403, "operation_disabled")]
    [InlineData(404, "app_not_found")]
    [InlineData(429, "rate_limit_exceeded")]
    [InlineData(500, "internal_error")]
    public async Task Status_problems_map_and_expose_branchable_flags(int status, string code)
    {
        var client = _sandbox.Client(configure: o => o.Retry.MaxAttempts = 1);
        _sandbox.AddFault(new { path = "/api/v1/balances", mode = "status", status });
        var ex = await Assert.ThrowsAsync<XRocketApiException>(() => client.GetBalancesAsync());
        Assert.Equal(code, ex.Code);
        Assert.Equal(status, (int)ex.StatusCode);
        Assert.Equal(status == 401, ex.IsUnauthorized);
        Assert.Equal(status == 429, ex.IsRateLimited);
        Assert.Equal(status == 404, ex.IsNotFound);
        Assert.Equal(XRocketException.ToPascalCase(code), code switch
        {
            "unauthorized" => "Unauthorized",
            "operation_disabled" => "OperationDisabled",
            "app_not_found" => "AppNotFound",
            "rate_limit_exceeded" => "RateLimitExceeded",
            _ => "InternalError",
        });
    }

    [Fact]
    public async Task An_unknown_problem_code_surfaces_as_it_is()
    {
        var client = _sandbox.Client(configure: o => o.Retry.MaxAttempts = 1);
        _sandbox.AddFault(new { path = "/api/v1/app-info", mode = "status", status = 418 });
        var ex = await Assert.ThrowsAsync<XRocketApiException>(() => client.GetAppInfoAsync());
        Assert.Equal("injected_fault", ex.Code);
        Assert.Equal("InjectedFault", XRocketException.ToPascalCase(ex.Code));
        Assert.Equal(418, (int)ex.StatusCode);
        Assert.Contains("injected_fault", ex.Message);
    }

    [Fact]
    public async Task A_wrong_token_is_unauthorized_and_a_malformed_body_is_a_clear_error()
    {
        var wrong = await Assert.ThrowsAsync<XRocketApiException>(() => _sandbox.Client("wrong-token-value").GetBalancesAsync());
        Assert.True(wrong.IsUnauthorized);

        _sandbox.AddFault(new { path = "/api/v1/app-info", mode = "malformed" });
        var malformed = await Assert.ThrowsAsync<XRocketTransportException>(() => _sandbox.Client().GetAppInfoAsync());
        Assert.Equal("malformed_response", malformed.Code);
        Assert.Contains("broken", malformed.Message);
    }

    [Fact]
    public async Task Cancelling_a_call_stuck_on_a_slow_server_ends_it_and_is_not_retried()
    {
        var traces = new ConcurrentQueue<XRocketTrace>();
        var client = _sandbox.Client(traces: traces, configure: o => o.Timeout = TimeSpan.FromMinutes(2));
        _sandbox.AddFault(new { path = "/api/v1/balances", mode = "delay", delayMs = 60_000 });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var call = client.GetBalancesAsync(cts.Token);
        var finished = await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.Same(call, finished);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(traces);
        Assert.Equal("cancelled", traces.Single().Failure);
    }

    [Fact]
    public async Task Paging_streams_every_item_once_across_pages_with_inserts_in_between()
    {
        var client = _sandbox.Client();
        for (var i = 0; i < 7; i++)
        {
            await client.CreateTransferAsync(Payout("page-" + i, 1m));
        }

        var filter = new ListFilter { PageSize = 3 };
        var seen = new List<string>();
        var inserted = false;
        foreach (var transfer in client.ListTransfers(filter))
        {
            seen.Add(transfer.ClientTransferId!);
            if (!inserted)
            {
                inserted = true;
                await client.CreateTransferAsync(Payout("late", 1m));
            }
        }

        Assert.Equal(Enumerable.Range(0, 7).Reverse().Select(i => "page-" + i), seen);
        Assert.Equal(4, client.ListTransfers(filter, maxItems: 4).Count());
        var requests = _sandbox.Requests("GET", "/api/v1/transfers").Count;
        Assert.True(requests >= 4, $"expected at least 4 page requests, saw {requests}");
    }

    [Fact]
    public async Task The_canary_token_appears_in_no_message_trace_or_string()
    {
        var traces = new ConcurrentQueue<XRocketTrace>();
        var client = _sandbox.Client(SandboxFixture.CanaryToken, o => { o.TraceDetail = () => XRocketTraceDetail.Bodies; o.Retry.MaxAttempts = 2; o.SettleWithin = TimeSpan.Zero; }, traces);
        var seen = new List<string> { client.ToString(), client.Options.Token!.ToString(), client.Options.Token.Hint };
        await client.CreateChequeAsync(new CreateChequeRequest { Asset = "USDT", Amount = 1m, Password = "cheque-secret", Description = SandboxFixture.CanaryToken });
        _sandbox.AddFault(new { path = "/api/v1/transfers", mode = "status", status = 500, count = 5 });
        var failure = await Assert.ThrowsAsync<XRocketApiException>(() => client.CreateTransferAsync(Payout()));
        seen.Add(failure.ToString());
        seen.Add(failure.Message);
        var unauthorized = await Assert.ThrowsAsync<XRocketApiException>(() => _sandbox.Client(SandboxFixture.CanaryToken + "x").GetBalancesAsync());
        seen.Add(unauthorized.ToString());
        seen.AddRange(traces.Select(t => t + " " + t.RequestBody + " " + t.ResponseBody));

        Assert.All(seen, text => Assert.DoesNotContain(SandboxFixture.CanaryToken, text));
        Assert.All(seen, text => Assert.DoesNotContain("cheque-secret", text));
        Assert.Contains(traces, t => t.RequestBody?.Contains("\"password\":\"***\"", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Plain_http_is_refused_except_for_loopback()
    {
        Assert.Throws<ArgumentException>(() => new XRocketClient(new XRocketClientOptions { BaseUri = new Uri("http://pay.example.com/") }));
        Assert.Equal(XRocketClientOptions.ProductionUri, new XRocketClient(new XRocketClientOptions()).BaseUri);
        Assert.Equal(XRocketClientOptions.TestnetUri, new XRocketClient(new XRocketClientOptions { Environment = XRocketEnvironment.Testnet }).BaseUri);
        Assert.Equal(new Uri("http://localhost:9000/"), new XRocketClient(new XRocketClientOptions { BaseUri = new Uri("http://localhost:9000") }).BaseUri);
    }
}
