using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace XRocketPay.Sandbox;

/// <summary>
/// Posts signed v1 webhook envelopes to callback URLs, in the background. Only loopback targets are
/// contacted: the sandbox never sends traffic off the machine.
/// </summary>
internal sealed class WebhookDispatcher : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly ConcurrentQueue<object> _deliveries = new();
    private readonly ConcurrentQueue<object> _received = new();
    private readonly ApiContract _contract;

    public WebhookDispatcher(ApiContract contract) => _contract = contract;

    public void Enqueue(string type, object data, JsonElement? callback, string secret)
    {
        if (callback is not { } cb || !cb.TryGetProperty("callbackUrl", out var urlElement) || urlElement.GetString() is not { } url)
        {
            return;
        }

        var id = Guid.NewGuid().ToString("D");
        var shaped = JsonSerializer.SerializeToNode(data, Json.Options);
        _contract.ShapeWebhook(type, shaped);
        var body = JsonSerializer.Serialize(new { id, timestamp = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture), type, data = shaped }, Json.Options);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var signature = Sign(secret, timestamp, body);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !Loopback.Is(uri))
        {
            _deliveries.Enqueue(new { id, url, type, status = "skipped: not a loopback URL", body });
            return;
        }

        _ = Task.Run(async () =>
        {
            string status;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Add("Signature-Timestamp", timestamp);
                request.Headers.Add("Signature-Version", "v1");
                request.Headers.Add("Signature", signature);
                using var response = await _http.SendAsync(request);
                status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or ObjectDisposedException)
            {
                status = "failed: " + ex.GetType().Name;
            }

            _deliveries.Enqueue(new { id, url, type, status, body });
        });
    }

    /// <summary>lower-case hex HMAC-SHA256 over "{timestamp}.{raw body}", keyed with the secret as UTF-8.</summary>
    public static string Sign(string secret, string timestamp, string body) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body))).ToLowerInvariant();

    public IReadOnlyList<object> Deliveries => _deliveries.ToList();

    public IReadOnlyList<object> Received => _received.ToList();

    public void Receive(IHeaderDictionary headers, string body) =>
        _received.Enqueue(new { headers = headers.ToDictionary(h => h.Key, h => h.Value.ToString()), body });

    public void Clear()
    {
        _deliveries.Clear();
        _received.Clear();
    }

    public void Dispose() => _http.Dispose();
}
