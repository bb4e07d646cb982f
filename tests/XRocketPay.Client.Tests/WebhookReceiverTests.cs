using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace XRocketPay.Client.Tests;

/// <summary>The receiver's bounds, at the HTTP level only C# sees: bodies without a declared length, methods, answers.</summary>
public sealed class WebhookReceiverTests
{
    private const string Secret = "receiver-test-secret";

    [Fact]
    public async Task A_chunked_body_past_the_bound_is_refused_with_401_unread()
    {
        using var receiver = new XRocketWebhookReceiver($"http://127.0.0.1:{FreePort()}/", Secret, TimeSpan.FromMinutes(5));
        using var http = new HttpClient();
        var content = new StreamContent(new MemoryStream(new byte[XRocketWebhookReceiver.MaxBodyBytes + 1]));
        using var request = new HttpRequestMessage(HttpMethod.Post, receiver.Prefix) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var answering = http.SendAsync(request);

        var delivery = await receiver.ReceiveAsync(CancellationToken.None);

        Assert.Equal(XRocketWebhookFailure.BodyTooLarge, delivery.Verification.Failure);
        Assert.Null(delivery.Body);
        Assert.Equal(-1, delivery.ContentLength);
        Assert.Equal(401, delivery.AnsweredStatus);
        try
        {
            using var response = await answering;
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        catch (HttpRequestException)
        {
            // The receiver may close a connection whose body it will not read: the sender gets no 200 either way.
        }
    }

    [Fact]
    public async Task A_GET_is_refused_with_401_and_a_signed_POST_answered_200_with_its_envelope()
    {
        using var receiver = new XRocketWebhookReceiver($"http://127.0.0.1:{FreePort()}", Secret, TimeSpan.FromMinutes(5));
        Assert.EndsWith("/", receiver.Prefix, StringComparison.Ordinal);
        using var http = new HttpClient();

        var getting = http.GetAsync(receiver.Prefix);
        var get = await receiver.ReceiveAsync(CancellationToken.None);
        Assert.Equal(XRocketWebhookFailure.NotPost, get.Verification.Failure);
        Assert.Equal(HttpStatusCode.Unauthorized, (await getting).StatusCode);

        var body = "{\"id\":\"e-1\",\"timestamp\":\"2026-12-01T00:00:00Z\",\"type\":\"invoice\",\"data\":{}}";
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var post = new HttpRequestMessage(HttpMethod.Post, receiver.Prefix + "any/path") { Content = new StringContent(body) };
        post.Headers.Add("SIGNATURE-TIMESTAMP", timestamp);
        post.Headers.Add("signature", XRocketWebhook.Sign(Secret, timestamp, body));
        var posting = http.SendAsync(post);
        var delivery = await receiver.ReceiveAsync(CancellationToken.None);
        Assert.True(delivery.Verification.IsValid, delivery.Verification.Message);
        Assert.Equal("e-1", delivery.Envelope!.Id);
        Assert.False(delivery.IsRepeat);
        Assert.Null(delivery.AnsweredStatus);
        receiver.HandedOn(delivery);
        Assert.Equal(HttpStatusCode.OK, (await posting).StatusCode);
        Assert.Equal(200, delivery.AnsweredStatus);
    }

    [Fact]
    public async Task Cancelling_a_receive_stops_it_and_frees_the_port()
    {
        var prefix = $"http://127.0.0.1:{FreePort()}/";
        using (var receiver = new XRocketWebhookReceiver(prefix, Secret, TimeSpan.FromMinutes(5)))
        {
            using var cancel = new CancellationTokenSource();
            var receiving = receiver.ReceiveAsync(cancel.Token);
            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => receiving);
        }

        using var again = new HttpListener();
        again.Prefixes.Add(prefix);
        again.Start();
        Assert.True(again.IsListening);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(50)]
    public async Task Deliveries_not_handed_on_when_the_receiver_stops_are_answered_503_never_200(int count)
    {
        var receiver = new XRocketWebhookReceiver($"http://127.0.0.1:{FreePort()}/", Secret, TimeSpan.FromMinutes(5));
        using var http = new HttpClient();
        var answers = Enumerable.Range(1, count).Select(i => StatusOf(http.SendAsync(Signed(receiver.Prefix, Envelope($"e-{i}"))))).ToList();

        var first = await receiver.ReceiveAsync(CancellationToken.None);
        await Until(() => receiver.Waiting == count - 1);
        receiver.HandedOn(first);
        receiver.Dispose();

        var statuses = await Task.WhenAll(answers);
        Assert.Equal(1, statuses.Count(s => s == 200));
        Assert.All(statuses.Where(s => s != 200), s => Assert.Equal(503, s));
    }

    [Fact]
    public async Task A_huge_or_unsigned_timestamp_is_refused_401_and_the_next_delivery_still_read()
    {
        using var receiver = new XRocketWebhookReceiver($"http://127.0.0.1:{FreePort()}/", Secret, TimeSpan.FromMinutes(5));
        using var http = new HttpClient();
        using var forged = new HttpRequestMessage(HttpMethod.Post, receiver.Prefix) { Content = new StringContent(Envelope("forged")) };
        forged.Headers.Add("Signature-Timestamp", "99999999999999999");
        forged.Headers.Add("Signature", new string('0', 64));
        Assert.Equal(401, await StatusOf(http.SendAsync(forged)));
        var refused = await receiver.ReceiveAsync(CancellationToken.None);
        Assert.Equal(XRocketWebhookFailure.InvalidSignature, refused.Verification.Failure);

        Assert.Equal(401, await StatusOf(http.SendAsync(Signed(receiver.Prefix, Envelope("huge"), "99999999999999999"))));
        Assert.Equal(XRocketWebhookFailure.StaleTimestamp, (await receiver.ReceiveAsync(CancellationToken.None)).Verification.Failure);

        var answering = StatusOf(http.SendAsync(Signed(receiver.Prefix, Envelope("next"))));
        var next = await receiver.ReceiveAsync(CancellationToken.None);
        receiver.HandedOn(next);
        Assert.Equal("next", next.Envelope!.Id);
        Assert.Equal(200, await answering);
    }

    [Theory]
    [InlineData("99999999999999999")]
    [InlineData("-5")]
    [InlineData("1e3")]
    [InlineData(" ")]
    [InlineData("\u0660\u0661")]
    public void Verify_never_throws_on_a_timestamp_header(string timestamp)
    {
        var headers = new Dictionary<string, string> { ["Signature-Timestamp"] = timestamp, ["Signature"] = XRocketWebhook.Sign(Secret, timestamp.Trim(), "{}") };
        Assert.False(XRocketWebhook.Verify("{}", headers, Secret, TimeSpan.FromMinutes(5)).IsValid);
    }

    [Fact]
    public void A_timestamp_in_seconds_is_refused_with_a_message_that_says_the_unit_is_milliseconds()
    {
        var seconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string> { ["Signature-Timestamp"] = seconds, ["Signature"] = XRocketWebhook.Sign(Secret, seconds, "{}") };
        var verification = XRocketWebhook.Verify("{}", headers, Secret, TimeSpan.FromMinutes(5));
        Assert.Equal(XRocketWebhookFailure.StaleTimestamp, verification.Failure);
        Assert.Contains("looks like Unix seconds", verification.Message, StringComparison.Ordinal);
        Assert.Contains("milliseconds", verification.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_sender_holds_only_itself_and_is_answered_408_at_the_read_deadline()
    {
        using var receiver = new XRocketWebhookReceiver($"http://127.0.0.1:{FreePort()}/", Secret, TimeSpan.FromMinutes(5));
        var port = new Uri(receiver.Prefix).Port;
        using var slow = new TcpClient();
        await slow.ConnectAsync(IPAddress.Loopback, port);
        var stream = slow.GetStream();
        var head = Encoding.ASCII.GetBytes("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{");
        await stream.WriteAsync(head);

        using var http = new HttpClient();
        var answering = StatusOf(http.SendAsync(Signed(receiver.Prefix, Envelope("behind-the-slow-one"))));
        var valid = await receiver.ReceiveAsync(CancellationToken.None);
        Assert.Equal("behind-the-slow-one", valid.Envelope!.Id);
        receiver.HandedOn(valid);
        Assert.Equal(200, await answering);

        var timedOut = await receiver.ReceiveAsync(CancellationToken.None);
        Assert.Equal(XRocketWebhookFailure.BodyTimeout, timedOut.Verification.Failure);
        Assert.Equal(408, timedOut.AnsweredStatus);
        var answer = new byte[64];
        var read = await stream.ReadAsync(answer);
        Assert.StartsWith("HTTP/1.1 408", Encoding.ASCII.GetString(answer, 0, read), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"id\":\"s-1\",\"type\":\"invoice\",\"data\":{\"event\":5}}")]
    [InlineData("{\"id\":\"s-2\",\"type\":\"invoice\",\"data\":{\"invoice\":{\"id\":5}}}")]
    [InlineData("{\"id\":\"s-3\",\"type\":\"invoice\",\"data\":{\"invoice\":{\"id\":\"1\",\"priceAmount\":\"abc\"}}}")]
    [InlineData("{\"id\":\"s-4\",\"type\":\"cheque\",\"data\":{\"amount\":\"abc\"}}")]
    [InlineData("[1,2]")]
    public async Task A_signed_body_of_an_unknown_shape_is_answered_400_and_the_next_delivery_still_read(string body)
    {
        using var receiver = new XRocketWebhookReceiver($"http://127.0.0.1:{FreePort()}/", Secret, TimeSpan.FromMinutes(5));
        using var http = new HttpClient();
        Assert.Equal(400, await StatusOf(http.SendAsync(Signed(receiver.Prefix, body))));
        var odd = await receiver.ReceiveAsync(CancellationToken.None);
        Assert.True(odd.Verification.IsValid);
        Assert.Null(odd.Envelope);
        Assert.NotNull(odd.EnvelopeError);
        Assert.Equal(400, odd.AnsweredStatus);
        Assert.Throws<FormatException>(() => XRocketWebhook.Parse(body));

        var answering = StatusOf(http.SendAsync(Signed(receiver.Prefix, Envelope("after-odd"))));
        var next = await receiver.ReceiveAsync(CancellationToken.None);
        receiver.HandedOn(next);
        Assert.Equal(200, await answering);
    }

    [Fact]
    public async Task A_delivery_without_an_envelope_id_is_deduplicated_by_its_signature()
    {
        using var receiver = new XRocketWebhookReceiver($"http://127.0.0.1:{FreePort()}/", Secret, TimeSpan.FromMinutes(5));
        using var http = new HttpClient();
        const string body = "{\"type\":\"something_new\",\"data\":{}}";
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        foreach (var expectRepeat in new[] { false, true })
        {
            var answering = StatusOf(http.SendAsync(Signed(receiver.Prefix, body, timestamp)));
            var delivery = await receiver.ReceiveAsync(CancellationToken.None);
            Assert.Equal(expectRepeat, delivery.IsRepeat);
            if (!delivery.IsRepeat)
            {
                receiver.HandedOn(delivery);
            }

            Assert.Equal(200, await answering);
        }
    }

    [Fact]
    public async Task With_a_spool_deliveries_are_answered_200_once_spooled_and_the_next_receiver_hands_them_on_first_once()
    {
        var spool = Path.Combine(Path.GetTempPath(), "xrocket-spool-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var http = new HttpClient();
            var port = FreePort();
            var first = new XRocketWebhookReceiver($"http://127.0.0.1:{port}/", Secret, TimeSpan.FromMinutes(5), spool);
            var statuses = await Task.WhenAll(Enumerable.Range(1, 5).Select(i => StatusOf(http.SendAsync(Signed(first.Prefix, Envelope($"sp-{i}"))))));
            Assert.All(statuses, s => Assert.Equal(200, s));
            var handed = await first.ReceiveAsync(CancellationToken.None);
            first.HandedOn(handed);
            first.Dispose();

            using var second = new XRocketWebhookReceiver($"http://127.0.0.1:{port}/", Secret, TimeSpan.FromMinutes(5), spool);
            var restored = new List<string>();
            for (var i = 0; i < 4; i++)
            {
                var delivery = await second.ReceiveAsync(CancellationToken.None);
                Assert.False(delivery.IsRepeat);
                restored.Add(delivery.Envelope!.Id!);
                second.HandedOn(delivery);
            }

            Assert.Equal(Enumerable.Range(1, 5).Select(i => $"sp-{i}").Where(id => id != handed.Envelope!.Id), restored.OrderBy(id => id, StringComparer.Ordinal));
            Assert.Empty(Directory.GetFiles(Path.Combine(spool, "pending")));

            var redelivered = StatusOf(http.SendAsync(Signed(second.Prefix, Envelope(handed.Envelope!.Id!))));
            var repeat = await second.ReceiveAsync(CancellationToken.None);
            Assert.True(repeat.IsRepeat);
            Assert.Equal(200, await redelivered);
        }
        finally
        {
            Directory.Delete(spool, recursive: true);
        }
    }

    private static string Envelope(string id) => "{\"id\":\"" + id + "\",\"timestamp\":\"2026-12-01T00:00:00Z\",\"type\":\"something_new\",\"data\":{\"n\":1}}";

    private static HttpRequestMessage Signed(string url, string body, string? timestamp = null)
    {
        timestamp ??= DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body) };
        request.Headers.Add("Signature-Timestamp", timestamp);
        request.Headers.Add("Signature", XRocketWebhook.Sign(Secret, timestamp, body));
        return request;
    }

    /// <summary>The status answered, or 0 when the connection was reset or closed unanswered.</summary>
    private static async Task<int> StatusOf(Task<HttpResponseMessage> sending)
    {
        try
        {
            using var response = await sending;
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    /// <summary>Waits for a condition, with a deadline far beyond any machine's speed.</summary>
    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not come true in 2 minutes.");
            await Task.Delay(20);
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
