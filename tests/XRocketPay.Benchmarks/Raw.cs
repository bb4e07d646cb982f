using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace XRocketPay.Benchmarks;

/// <summary>
/// The baseline: what a careful hand-written caller does with HttpClient and System.Text.Json (source
/// generated, streamed). The core is measured against this, never against itself.
/// </summary>
internal sealed class RawApi : IDisposable
{
    private readonly HttpClient _http;
    private readonly AuthenticationHeaderValue _auth;

    public RawApi(Uri baseUri, string token)
    {
        // The same handler settings as the core, so both send the same headers over the same kind of pool.
        var handler = new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate };
        _http = new HttpClient(handler) { BaseAddress = baseUri };
        _auth = new AuthenticationHeaderValue("Bearer", token);
    }

    public Task<RawBalances> GetBalancesAsync() => GetAsync("api/v1/balances", RawJson.Default.RawBalances);

    public Task<RawTransferPage> GetTransferPageAsync(int limit) =>
        GetAsync("api/v1/transfers?limit=" + limit.ToString(System.Globalization.CultureInfo.InvariantCulture), RawJson.Default.RawTransferPage);

    /// <summary>Seeds transfers with one mass request (setup only, never timed).</summary>
    public async Task PostAsync(string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = _auth;
        using var response = await _http.SendAsync(request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    private async Task<T> GetAsync<T>(string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = _auth;
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, type).ConfigureAwait(false)
            ?? throw new InvalidOperationException(path + " answered null.");
    }

    public void Dispose() => _http.Dispose();
}

internal sealed class RawBalances
{
    [JsonPropertyName("balances")] public List<RawBalance> Balances { get; set; } = new();
}

internal sealed class RawBalance
{
    [JsonPropertyName("asset")] public string Asset { get; set; } = "";
    [JsonPropertyName("balance")] public decimal Balance { get; set; }
    [JsonPropertyName("available")] public decimal Available { get; set; }
    [JsonPropertyName("holds")] public decimal Holds { get; set; }
}

internal sealed class RawTransferPage
{
    [JsonPropertyName("items")] public List<RawTransfer> Items { get; set; } = new();
    [JsonPropertyName("pagination")] public RawPagination? Pagination { get; set; }
}

internal sealed class RawPagination
{
    [JsonPropertyName("total")] public int? Total { get; set; }
    [JsonPropertyName("next")] public string? Next { get; set; }
}

internal sealed class RawTransfer
{
    [JsonPropertyName("transferId")] public string TransferId { get; set; } = "";
    [JsonPropertyName("clientTransferId")] public string? ClientTransferId { get; set; }
    [JsonPropertyName("target")] public string? Target { get; set; }
    [JsonPropertyName("targetType")] public string? TargetType { get; set; }
    [JsonPropertyName("asset")] public string? Asset { get; set; }
    [JsonPropertyName("amount")] public decimal Amount { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("callback")] public JsonElement? Callback { get; set; }
}

// Money travels as decimal strings: read them as strings, like the core does.
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(RawBalances))]
[JsonSerializable(typeof(RawTransferPage))]
internal sealed partial class RawJson : JsonSerializerContext
{
}
