using System.Net.Http.Json;
using System.Text.Json;
using XRocketPay.Sandbox;

namespace XRocketPay.PowerShell.Tests.Hosting;

/// <summary>One in-process sandbox over loopback, shared by a test class; read its admin surface.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public const string CanaryToken = "canary-7f3a9c2e-ps-TOKEN";

    private SandboxServer? _server;

    public Uri BaseUri => _server!.BaseUri;
    public string Token => _server!.Token;
    public string BaseUrl => BaseUri.ToString().TrimEnd('/');
    public HttpClient Admin { get; } = new();

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions
        {
            Tokens = { CanaryToken },
            WithdrawalCompletionDelay = TimeSpan.FromMilliseconds(300),
        });
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Reset() => Send(HttpMethod.Post, "sandbox/reset");

    public void ClearRequests() => Send(HttpMethod.Delete, "sandbox/requests");

    /// <summary>Requests the sandbox saw under /api/ (method, path), oldest first.</summary>
    public IReadOnlyList<(string Method, string Path, string? Body)> Requests()
    {
        var doc = Get("sandbox/requests");
        return doc.RootElement.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("method").GetString()!, i.GetProperty("path").GetString()!,
                i.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() : null))
            .Where(r => r.Item2.StartsWith("/api/", StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>
    /// The requests that could change state (anything but GET): what -WhatIf and refused input must never send.
    /// Reference reads (the currencies list, cached per connection) are allowed (issue 10, "Rules this issue settles").
    /// </summary>
    public IReadOnlyList<(string Method, string Path, string? Body)> StateChangingRequests() =>
        Requests().Where(r => r.Method != "GET").ToList();

    public decimal Balance(string asset)
    {
        var doc = Get("sandbox/ledger");
        var row = doc.RootElement.GetProperty("assets").EnumerateArray()
            .Single(a => a.GetProperty("asset").GetString() == asset);
        return decimal.Parse(row.GetProperty("balance").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    public void AddFault(object fault)
    {
        using var response = Admin.PostAsJsonAsync(new Uri(BaseUri, "sandbox/faults"), fault).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
    }

    public JsonDocument Get(string relative)
    {
        using var response = Admin.GetAsync(new Uri(BaseUri, relative)).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
    }

    public void Send(HttpMethod method, string relative)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseUri, relative));
        using var response = Admin.SendAsync(request).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
    }
}
