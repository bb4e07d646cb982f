using System.Net;
using System.Net.Sockets;

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

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
