using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using XRocketPay.Sandbox;

namespace XRocketPay.TestSupport;

/// <summary>
/// A sandbox for a test, in-process on 127.0.0.1 on a port chosen at run time, and its admin surface
/// (<c>/sandbox/...</c>, declared in src/XRocketPay.Sandbox/Endpoints/AdminEndpoints.cs), one method per
/// endpoint, named after it. Every xunit suite's fixture is one; the Pester suite's <c>$script:SandboxAdmin</c>
/// (tests/pester/TestSupport.ps1) mirrors it by name. Synchronous on purpose: the runspace tests are
/// synchronous, and async tests lose nothing to a loopback call.
/// </summary>
public class SandboxAdmin : IDisposable
{
    private static readonly JsonSerializerOptions Reading = new(JsonSerializerDefaults.Web);

    private readonly SandboxServer _server;
    private readonly HttpClient _http;

    /// <summary>Starts a sandbox with these options (loopback, free port: <see cref="SandboxOptions.Urls"/>'s default).</summary>
    public SandboxAdmin(SandboxOptions options)
    {
        // Off the caller's synchronization context: an xunit fixture is built on one with few threads.
        _server = Task.Run(() => SandboxServer.StartAsync(options)).GetAwaiter().GetResult();
        BaseUri = _server.BaseUri;
        Token = _server.Token;
        _http = new HttpClient { BaseAddress = BaseUri };
    }

    /// <summary>The sandbox's address, with a trailing slash.</summary>
    public Uri BaseUri { get; }

    /// <summary>A Bearer token the sandbox accepts.</summary>
    public string Token { get; }

    /// <summary>Where the sandbox takes webhook deliveries to keep them (read back with <see cref="ReceivedWebhooks"/>).</summary>
    public Uri WebhookSink => new(BaseUri, "sandbox/webhook-sink");

    /// <summary>POST /sandbox/reset: state, faults, request log, rate-limit counters and webhooks back to the start.</summary>
    public void Reset() => Send(HttpMethod.Post, "sandbox/reset");

    /// <summary>GET /sandbox/ledger: one row per asset.</summary>
    public IReadOnlyList<SandboxLedgerRow> Ledger() => Items<SandboxLedgerRow>("sandbox/ledger", "assets");

    public decimal Balance(string asset) => LedgerRow(asset).Balance;

    public decimal Holds(string asset) => LedgerRow(asset).Holds;

    /// <summary>GET /sandbox/requests: every request to the API (under /api/), oldest first.</summary>
    public IReadOnlyList<SandboxRequest> Requests() =>
        Items<SandboxRequest>("sandbox/requests", "items").Where(r => r.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList();

    /// <summary>The requests for one method and path (no query), oldest first.</summary>
    public IReadOnlyList<SandboxRequest> Requests(string method, string path) =>
        Requests().Where(r => r.Method == method && r.Path == path).ToList();

    /// <summary>The requests that could change state (anything but GET): what -WhatIf and refused input must never send.</summary>
    public IReadOnlyList<SandboxRequest> StateChangingRequests() => Requests().Where(r => r.Method != "GET").ToList();

    /// <summary>DELETE /sandbox/requests.</summary>
    public void ClearRequests() => Send(HttpMethod.Delete, "sandbox/requests");

    /// <summary>POST /sandbox/faults: a fault for the next matching requests.</summary>
    public void AddFault(object fault) => Send(HttpMethod.Post, "sandbox/faults", fault);

    /// <summary>GET /sandbox/faults: the faults still waiting for a request.</summary>
    public IReadOnlyList<JsonElement> Faults() => Items<JsonElement>("sandbox/faults", "items");

    /// <summary>DELETE /sandbox/faults.</summary>
    public void ClearFaults() => Send(HttpMethod.Delete, "sandbox/faults");

    /// <summary>GET /sandbox/config.</summary>
    public JsonElement Config() => Read(HttpMethod.Get, "sandbox/config");

    /// <summary>PUT /sandbox/config: changes the settings named.</summary>
    public void SetConfig(object settings) => Send(HttpMethod.Put, "sandbox/config", settings);

    /// <summary>POST /sandbox/cheques/redeem: someone redeems one activation of the cheque.</summary>
    public void RedeemCheque(string chequeId) => Send(HttpMethod.Post, "sandbox/cheques/redeem?chequeId=" + Uri.EscapeDataString(chequeId));

    /// <summary>POST /sandbox/invoices/expire: the invoice expires now.</summary>
    public void ExpireInvoice(string invoiceId) => Send(HttpMethod.Post, "sandbox/invoices/expire?invoiceId=" + Uri.EscapeDataString(invoiceId));

    /// <summary>GET /sandbox/webhook-sink: the deliveries <see cref="WebhookSink"/> received, oldest first.</summary>
    public IReadOnlyList<ReceivedWebhook> ReceivedWebhooks() => Items<ReceivedWebhook>("sandbox/webhook-sink", "items");

    /// <summary>GET /sandbox/webhooks: every delivery the sandbox attempted, and how it ended.</summary>
    public IReadOnlyList<WebhookDelivery> WebhookDeliveries() => Items<WebhookDelivery>("sandbox/webhooks", "items");

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _http.Dispose();
            Task.Run(() => _server.DisposeAsync().AsTask()).GetAwaiter().GetResult();
        }
    }

    private SandboxLedgerRow LedgerRow(string asset) => Ledger().Single(r => r.Asset == asset);

    private List<T> Items<T>(string path, string list) =>
        Read(HttpMethod.Get, path).GetProperty(list).Deserialize<List<T>>(Reading)!;

    private JsonElement Read(HttpMethod method, string path)
    {
        using var doc = JsonDocument.Parse(Send(method, path));
        return doc.RootElement.Clone();
    }

    private string Send(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        using var response = _http.Send(request);
        using var reader = new StreamReader(response.Content.ReadAsStream());
        var text = reader.ReadToEnd();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{method} /{path}: {(int)response.StatusCode} {text}", null, response.StatusCode);
        }

        return text;
    }
}

/// <summary>One asset's row of GET /sandbox/ledger.</summary>
public sealed record SandboxLedgerRow(string Asset, decimal Start, decimal Credits, decimal Debits, decimal Balance, decimal Holds, decimal Available);

/// <summary>One row of GET /sandbox/requests.</summary>
public sealed record SandboxRequest(long Seq, string Method, string Path, string? Query, int Status, string? Body, bool Authorized, DateTimeOffset At);

/// <summary>One delivery kept by the webhook sink, with the headers it came with.</summary>
public sealed record ReceivedWebhook(Dictionary<string, string> Headers, string Body);

/// <summary>One delivery the sandbox attempted: Status is the receiver's HTTP status, or why none came.</summary>
public sealed record WebhookDelivery(string Id, string Url, string Type, string Status, string Body);
