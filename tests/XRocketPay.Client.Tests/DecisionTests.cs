using XRocketPay.Client.Models;
using System.Net;
using System.Text.RegularExpressions;

namespace XRocketPay.Client.Tests;

/// <summary>The core's single homes: client ids, the problem-code table, the retry policy and the money reading.</summary>
public sealed class DecisionTests
{
    [Fact]
    public void Client_ids_are_the_callers_or_random_xrp_ids()
    {
        Assert.Matches(new Regex("^xrp-[0-9a-f]{32}$"), ClientIds.NewRandom());
        Assert.NotEqual(ClientIds.NewRandom(), ClientIds.NewRandom());
        Assert.Equal("mine-1", ClientIds.Resolve("  mine-1 "));
        Assert.StartsWith("xrp-", ClientIds.Resolve(null));
        Assert.StartsWith("xrp-", ClientIds.Resolve(" "));
        Assert.StartsWith("xrp-", new ClientIds().ForRow(null, null, "bonus"));
    }

    [Theory]
    [InlineData(XRocketEnvironment.Production, null, true)]
    [InlineData(XRocketEnvironment.Exchange, null, true)]
    [InlineData(XRocketEnvironment.Exchange, "http://127.0.0.1:5080/", true)]
    [InlineData(null, "https://pay.api.xrocket.exchange/", true)]
    [InlineData(null, "https://PAY.API.PP.XROCKET.TG", true)]
    [InlineData(XRocketEnvironment.Testnet, null, false)]
    [InlineData(XRocketEnvironment.Sandbox, "http://127.0.0.1:5080/", false)]
    [InlineData(null, "http://127.0.0.1:5080/", false)]
    public void A_production_host_is_Production_or_Exchange_by_name_or_by_address(XRocketEnvironment? environment, string? baseUri, bool production) =>
        Assert.Equal(production, new XRocketClientOptions { Environment = environment, BaseUri = baseUri is null ? null : new Uri(baseUri) }.IsProduction);

    [Fact]
    public void Batch_ids_are_stable_readable_within_50_characters_keyed_by_the_row_and_never_override_a_given_id()
    {
        var first = new ClientIds("payroll-2026-11");
        var ids = new[] { first.ForRow(null, null, "bonus"), first.ForRow("", null, "bonus"), first.ForRow(null, null, "salary") };
        Assert.Equal(3, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches(new Regex("^b-payroll-2026-11-[0-9a-f]{8}-[0-9a-f]{20}$"), id));
        Assert.All(ids, id => Assert.StartsWith(ClientIds.PrefixOf("payroll-2026-11"), id));

        var again = new ClientIds("payroll-2026-11");
        Assert.Equal(ids, new[] { again.ForRow(null, null, "bonus"), again.ForRow(null, null, "bonus"), again.ForRow(null, null, "salary") });
        Assert.Equal("row-own-id", again.ForRow(" row-own-id ", "ref-1", "bonus"));

        // A long batch id with any characters: a readable label of 16, still unique to the batch, ≤ 50 in all.
        var longId = new ClientIds("Payroll for November 2026 / team ÄÖ").ForRow(null, null, null);
        Assert.True(longId.Length <= ClientIds.MaxLength, longId);
        Assert.StartsWith("b-Payroll_for_Nove-", longId);
        Assert.NotEqual(ClientIds.PrefixOf("Payroll for November 2026 / team ÄÖ"), ClientIds.PrefixOf("Payroll for November 2027"));
    }

    [Theory]
    [InlineData("client_id_already_taken", null, XRocketProblemKind.Duplicate, "ClientIdAlreadyTaken", "ResourceExists")]
    [InlineData("payout_client_id_duplicate", null, XRocketProblemKind.Duplicate, "PayoutClientIdDuplicate", "ResourceExists")]
    [InlineData("client_id_conflict", null, XRocketProblemKind.Conflict, "ClientIdConflict", "ResourceExists")]
    [InlineData("not_found", 404, XRocketProblemKind.NotFound, "NotFound", "ObjectNotFound")]
    [InlineData("target_user_not_found", 400, XRocketProblemKind.NotFound, "TargetUserNotFound", "ObjectNotFound")]
    [InlineData("app_cheque_not_found", null, XRocketProblemKind.NotFound, "AppChequeNotFound", "ObjectNotFound")]
    [InlineData("invoice_not_found", null, XRocketProblemKind.NotFound, "InvoiceNotFound", "ObjectNotFound")]
    [InlineData("client_data_validation", 400, XRocketProblemKind.Validation, "ClientDataValidation", "InvalidArgument")]
    [InlineData("validation_error", 400, XRocketProblemKind.Validation, "ValidationError", "InvalidArgument")]
    [InlineData("missing_cheque_identifier", 400, XRocketProblemKind.Validation, "MissingChequeIdentifier", "InvalidArgument")]
    [InlineData("amount_less_than_minimum", 400, XRocketProblemKind.Refused, "AmountLessThanMinimum", "InvalidArgument")]
    [InlineData("amount_more_than_app_balance", 400, XRocketProblemKind.Balance, "AmountMoreThanAppBalance", "QuotaExceeded")]
    [InlineData("unauthorized", 401, XRocketProblemKind.Auth, "Unauthorized", "AuthenticationError")]
    [InlineData("operation_disabled", 403, XRocketProblemKind.Forbidden, "OperationDisabled", "PermissionDenied")]
    [InlineData("rate_limit_exceeded", 429, XRocketProblemKind.RateLimit, "RateLimitExceeded", "LimitsExceeded")]
    [InlineData("internal_error", 500, XRocketProblemKind.Unavailable, "InternalError", "ResourceUnavailable")]
    [InlineData("http_502", 502, XRocketProblemKind.Unavailable, "Http502", "ResourceUnavailable")]
    [InlineData("timeout", null, XRocketProblemKind.Timeout, "Timeout", "OperationTimeout")]
    [InlineData("connection_failed", null, XRocketProblemKind.ConnectionFailed, "ConnectionFailed", "ConnectionError")]
    [InlineData("malformed_response", null, XRocketProblemKind.MalformedResponse, "MalformedResponse", "InvalidResult")]
    [InlineData("injected_fault", 418, XRocketProblemKind.Other, "InjectedFault", "InvalidOperation")]
    public void One_problem_table_says_what_each_code_means(string code, int? status, XRocketProblemKind kind, string errorId, string category)
    {
        var entry = XRocketProblemCodes.Describe(code, status);
        Assert.Equal((code, kind, errorId, category), (entry.Code, entry.Kind, entry.ErrorId, entry.Category));
    }

    [Fact]
    public void The_retry_policy_answers_should_retry_and_how_long()
    {
        var policy = new XRocketRetryPolicy { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(300), MaxRetryAfter = TimeSpan.FromSeconds(2) };
        var timeout = new XRocketTransportException("timeout", "t");
        Assert.True(policy.ShouldRetry(timeout, 1));
        Assert.True(policy.ShouldRetry(timeout, 2));
        Assert.False(policy.ShouldRetry(timeout, 3));
        Assert.False(policy.ShouldRetry(new XRocketTransportException("malformed_response", "m"), 1));
        Assert.True(policy.ShouldRetry(new XRocketApiException(HttpStatusCode.BadGateway, null, "502"), 1));
        Assert.True(policy.ShouldRetry(new XRocketApiException((HttpStatusCode)429, null, "429"), 1));
        Assert.False(policy.ShouldRetry(new XRocketApiException(HttpStatusCode.BadRequest, null, "400"), 1));

        Assert.Equal(TimeSpan.FromSeconds(2), policy.Delay(1, TimeSpan.FromMinutes(5)));
        Assert.Equal(TimeSpan.FromSeconds(1), policy.Delay(1, TimeSpan.FromSeconds(1)));
        Assert.InRange(policy.Delay(1).TotalMilliseconds, 50, 100);
        Assert.InRange(policy.Delay(2).TotalMilliseconds, 100, 200);
        Assert.InRange(policy.Delay(9).TotalMilliseconds, 150, 300);
    }

    [Fact]
    public void The_retry_policy_answers_was_the_answer_lost_and_settling_asks_it_there()
    {
        var timeout = new XRocketTransportException("timeout", "t");
        Assert.True(XRocketRetryPolicy.IsAnswerLost(timeout));
        Assert.True(XRocketRetryPolicy.IsAnswerLost(new XRocketTransportException("connection_failed", "c")));
        Assert.True(XRocketRetryPolicy.IsAnswerLost(new XRocketTransportException("malformed_response", "m")));
        Assert.False(XRocketRetryPolicy.IsAnswerLost(new XRocketTransportException("redirect_refused", "r")));
        Assert.True(XRocketRetryPolicy.IsAnswerLost(new XRocketApiException(HttpStatusCode.ServiceUnavailable, null, "503")));
        Assert.True(XRocketRetryPolicy.IsAnswerLost(new XRocketApiException((HttpStatusCode)429, null, "429")));
        Assert.False(XRocketRetryPolicy.IsAnswerLost(new XRocketApiException(HttpStatusCode.BadRequest, null, "400")));
        Assert.False(XRocketRetryPolicy.IsAnswerLost(new XRocketApiException(HttpStatusCode.Conflict, null, "409")));
        Assert.True(XRocketRetryPolicy.IsAnswerLost(XRocketRowException.Lost("row-1", timeout)));
        Assert.False(XRocketRetryPolicy.IsAnswerLost(XRocketRowException.Refused("row-1", new XRocketProblem { Type = "/api/problems/target_user_not_found" }, "api/v1/mass-transfers")));

        // A 429 executed nothing; a 5xx or no answer may have.
        Assert.False(XRocketRetryPolicy.MayHaveBeenExecuted(new XRocketApiException((HttpStatusCode)429, null, "429")));
        Assert.True(XRocketRetryPolicy.MayHaveBeenExecuted(new XRocketApiException(HttpStatusCode.BadGateway, null, "502")));
        Assert.True(XRocketRetryPolicy.MayHaveBeenExecuted(timeout));
    }

    [Fact]
    public void Money_reading_tells_missing_from_invalid_and_gives_normalised_text()
    {
        Assert.True(XRocketMoney.Read(null).IsMissing);
        Assert.True(XRocketMoney.Read("").IsMissing);
        Assert.True(XRocketMoney.Read("  ").IsMissing);
        Assert.False(XRocketMoney.Read("  ").IsValid);
        var comma = XRocketMoney.Read("1,5");
        Assert.False(comma.IsMissing);
        Assert.False(comma.IsValid);
        Assert.Contains("','", comma.Error);
        Assert.Equal("1,5", comma.Text);
        var padded = XRocketMoney.Read(" 007.50 ");
        Assert.True(padded.IsValid);
        Assert.Equal(7.5m, padded.Value);
        Assert.Equal("7.5", padded.Text);
        Assert.Equal(" 007.50 ", padded.Raw);
        Assert.Equal("0.1", XRocketMoney.Read(0.1d).Text);
        Assert.False(XRocketMoney.Read(new object()).IsMissing);
    }
}
