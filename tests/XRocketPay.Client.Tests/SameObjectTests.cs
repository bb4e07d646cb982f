using System.Net;
using System.Net.Sockets;
using System.Text;
using XRocketPay.Client.Models;

namespace XRocketPay.Client.Tests;

/// <summary>
/// "Same object?" (<see cref="SameObject"/>): one rule for every create whose client id is found taken. Issue 31
/// item 2: cheques, invoices and withdrawals compared assets exactly and amounts as text, payouts did not.
/// </summary>
public sealed class SameObjectTests
{
    [Fact]
    public void Codes_compare_in_any_case_amounts_by_value_identities_exactly_and_unshown_fields_not_at_all()
    {
        Assert.Empty(SameObject.Differences(
            SameObject.Code("asset", "USDT", "usdt"), SameObject.Amount("amount", 1.50m, 1.5m), SameObject.Identity("target", "7", "7"),
            SameObject.Code("network", null, "TON"), SameObject.Amount("priceAmount", null, 2m), SameObject.Identity("address", null, "x")));
        Assert.Equal(new[] { "target", "asset", "amount" }, SameObject.Differences(
            SameObject.Identity("target", "Ab", "ab"), SameObject.Code("asset", "USDT", "TONCOIN"), SameObject.Amount("amount", 1.5m, 1.5000001m)));
        Assert.Equal(new[] { "priceAmount" }, SameObject.Differences(SameObject.Amount("priceAmount", 2m, null)));
    }

    [Fact]
    public async Task A_cheque_re_sent_after_a_lost_answer_and_found_taken_with_its_asset_in_another_case_is_this_calls_cheque()
    {
        // The first attempt's answer is lost (503); the retry finds the client id taken by a cheque whose asset the
        // server spells as its catalogue does. "usdt" names that asset: the cheque is this call's, not a conflict.
        var posts = 0;
        using var server = new StubServer(request => request.HttpMethod == "POST"
            ? Interlocked.Increment(ref posts) == 1
                ? (503, """{"type":"/api/problems/internal_error","title":"Unavailable","status":503,"detail":"busy"}""")
                : (409, """{"type":"/api/problems/client_id_already_taken","title":"Taken","status":409,"detail":"clientChequeId is taken"}""")
            : (200, """{"chequeId":"77","clientChequeId":"case-1","asset":"USDT","amount":"1.50","state":"active"}"""));
        var client = new XRocketClient(new XRocketClientOptions
        {
            BaseUri = server.BaseUri,
            Token = new XRocketApiToken("stub-token"),
            Dialect = XRocketApiDialect.Transfers,
            Retry = new XRocketRetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50) },
        });

        var created = await client.CreateChequeAsync(new CreateChequeRequest { Asset = "usdt", Amount = 1.5m, ClientChequeId = "case-1" });

        Assert.Equal(XRocketOutcome.Sent, created.Outcome);
        Assert.Equal("77", created.Value.ChequeId);
        Assert.Equal(2, posts);
    }

    /// <summary>A loopback server answering every request with what <c>answer</c> says (status, JSON body).</summary>
    private sealed class StubServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Func<HttpListenerRequest, (int Status, string Body)> _answer;

        public StubServer(Func<HttpListenerRequest, (int Status, string Body)> answer)
        {
            _answer = answer;
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            BaseUri = new Uri($"http://127.0.0.1:{port}/");
            _listener.Prefixes.Add(BaseUri.ToString());
            _listener.Start();
            _ = ServeAsync();
        }

        public Uri BaseUri { get; }

        public void Dispose() => _listener.Close();

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                var (status, body) = _answer(context.Request);
                var bytes = Encoding.UTF8.GetBytes(body);
                context.Response.StatusCode = status;
                context.Response.ContentType = status < 300 ? "application/json" : "application/problem+json";
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        }
    }
}
