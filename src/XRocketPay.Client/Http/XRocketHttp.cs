using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using XRocketPay.Client.Models;

namespace XRocketPay.Client;

/// <summary>
/// Sends one logical call: per-request headers, a per-attempt timeout, retries with jittered backoff on
/// transport failures, timeouts, 5xx and 429, typed errors, and one trace per attempt.
/// </summary>
internal sealed class XRocketHttp
{
    private static readonly ConcurrentDictionary<IWebProxy, HttpClient> s_proxiedClients = new();
    private static readonly Lazy<HttpClient> s_systemProxyClient = new(() => CreateHttpClient(null));
    private static readonly string[] s_sensitiveFields = { Fields.Password, "token", "apiKey", "secret" };

    private readonly XRocketClientOptions _options;
    private readonly Uri _baseUri;
    private readonly HttpClient _http;
    private readonly string _userAgent;
    private readonly Random _jitter = new();

    public XRocketHttp(XRocketClientOptions options)
    {
        _options = options;
        _baseUri = options.ResolveBaseUri();
        if (IsNetFramework)
        {
            // Windows PowerShell 5.1 may still default to TLS 1.0.
            ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
        }

        _http = options.Proxy is null ? s_systemProxyClient.Value : s_proxiedClients.GetOrAdd(options.Proxy, CreateHttpClient);
        var version = typeof(XRocketHttp).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var comment = string.IsNullOrWhiteSpace(options.UserAgentComment) ? "" : options.UserAgentComment + "; ";
        _userAgent = $"XRocketPay/{version} ({comment}{RuntimeInformation.OSDescription.Trim()})";
    }

    public Uri BaseUri => _baseUri;

    private static bool IsNetFramework => RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

    private static HttpClient CreateHttpClient(IWebProxy? proxy)
    {
        var handler = new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate };
        if (proxy is not null)
        {
            handler.Proxy = proxy;
            handler.UseProxy = true;
        }

        // Timeouts are per attempt (linked token), so the shared client never times out on its own.
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Sends and returns the response body; throws a typed exception when no success came.</summary>
    public async Task<string> SendAsync(HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string?>>? query, string? body, string? clientId, CancellationToken cancellationToken) =>
        (await SendWithOutcomeAsync(method, path, query, body, clientId, cancellationToken).ConfigureAwait(false)).Body;

    /// <summary>
    /// As <see cref="SendAsync"/>, and also says whether an earlier attempt may have been executed although
    /// its answer was lost (so "already taken" answers to the retry are this call's own work).
    /// </summary>
    public async Task<(string Body, bool EarlierAttemptMayHaveSucceeded)> SendWithOutcomeAsync(HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string?>>? query, string? body, string? clientId, CancellationToken cancellationToken)
    {
        var uri = BuildUri(path, query);
        var maxAttempts = Math.Max(1, _options.Retry.MaxAttempts);
        var mayHaveReachedServer = false;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stopwatch = Stopwatch.StartNew();
            using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptCts.CancelAfter(_options.Timeout);
            XRocketException failure;
            TimeSpan? retryAfter = null;
            try
            {
                using var request = new HttpRequestMessage(method, uri);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
                if (_options.Token is { } token)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Reveal());
                }

                if (body is not null)
                {
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }

                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, attemptCts.Token).ConfigureAwait(false);
                var text = response.Content is null ? "" : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                Trace(method, path, (int)response.StatusCode, stopwatch.Elapsed, attempt, null, body, text);
                if (response.IsSuccessStatusCode)
                {
                    return (text, mayHaveReachedServer);
                }

                var apiError = BuildApiException(response, text);
                apiError.EarlierAttemptMayHaveSucceeded = mayHaveReachedServer;
                failure = apiError;
                retryAfter = apiError.RetryAfter;
                var retryable = (int)response.StatusCode >= 500 || (int)response.StatusCode == 429;
                if (!retryable || attempt >= maxAttempts)
                {
                    throw Stamp(failure, method, path, attempt, clientId);
                }

                // A 5xx may come after the work was done; a 429 never executed anything.
                mayHaveReachedServer |= (int)response.StatusCode >= 500;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Trace(method, path, null, stopwatch.Elapsed, attempt, "cancelled", body, null);
                throw;
            }
            catch (OperationCanceledException ex)
            {
                Trace(method, path, null, stopwatch.Elapsed, attempt, "timeout", body, null);
                mayHaveReachedServer = true;
                failure = new XRocketTransportException("timeout", $"{method} /{path} got no answer within {_options.Timeout.TotalSeconds:0.#} s.", ex) { MayHaveSucceeded = true };
                if (attempt >= maxAttempts)
                {
                    throw Stamp(failure, method, path, attempt, clientId);
                }
            }
            catch (HttpRequestException ex)
            {
                Trace(method, path, null, stopwatch.Elapsed, attempt, "connection failed", body, null);
                mayHaveReachedServer = true;
                failure = new XRocketTransportException("connection_failed", $"{method} /{path} failed: {SafeMessage(ex)}", ex) { MayHaveSucceeded = true };
                if (attempt >= maxAttempts)
                {
                    throw Stamp(failure, method, path, attempt, clientId);
                }
            }

            await Task.Delay(Backoff(attempt, retryAfter), cancellationToken).ConfigureAwait(false);
        }
    }

    public T Deserialize<T>(string text, string method, string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return JsonSerializer.Deserialize(text, typeInfo) ?? throw new JsonException("The body is empty.");
        }
        catch (JsonException ex)
        {
            throw new XRocketTransportException("malformed_response", $"{method} /{path} answered a body that is not the expected JSON: {Snippet(text)}", ex)
            {
                Method = method,
                Path = "/" + path,
            };
        }
    }

    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait)
        {
            return wait > _options.Retry.MaxRetryAfter ? _options.Retry.MaxRetryAfter : wait;
        }

        var exponential = _options.Retry.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        double jitter;
        lock (_jitter)
        {
            jitter = 0.5 + _jitter.NextDouble() * 0.5;
        }

        return TimeSpan.FromMilliseconds(Math.Min(exponential, _options.Retry.MaxDelay.TotalMilliseconds) * jitter);
    }

    private XRocketApiException BuildApiException(HttpResponseMessage response, string text)
    {
        XRocketProblem? problem = null;
        if (text.Length > 0 && text.TrimStart().StartsWith("{", StringComparison.Ordinal))
        {
            try
            {
                problem = JsonSerializer.Deserialize(text, XRocketJsonContext.Default.XRocketProblem);
                if (problem?.Type is null && problem?.Title is null)
                {
                    problem = null;
                }
            }
            catch (JsonException)
            {
                problem = null;
            }
        }

        var status = (int)response.StatusCode;
        var message = problem is not null
            ? $"{problem.Title ?? "Error"} ({problem.Code}, HTTP {status}): {Redact(problem.Detail) }"
            : $"HTTP {status} {response.ReasonPhrase} with a body that is not a problem document: {Snippet(text)}";
        var exception = new XRocketApiException(response.StatusCode, problem, message);
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            exception.RetryAfter = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        }

        return exception;
    }

    private static XRocketException Stamp(XRocketException exception, HttpMethod method, string path, int attempts, string? clientId)
    {
        exception.Method = method.Method;
        exception.Path = "/" + path;
        exception.Attempts = attempts;
        exception.ClientId = clientId;
        return exception;
    }

    private Uri BuildUri(string path, IReadOnlyList<KeyValuePair<string, string?>>? query)
    {
        var builder = new StringBuilder(path);
        var separator = '?';
        foreach (var pair in query ?? Array.Empty<KeyValuePair<string, string?>>())
        {
            if (pair.Value is null)
            {
                continue;
            }

            builder.Append(separator).Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(pair.Value));
            separator = '&';
        }

        return new Uri(_baseUri, builder.ToString());
    }

    private void Trace(HttpMethod method, string path, int? status, TimeSpan elapsed, int attempt, string? failure, string? requestBody, string? responseBody)
    {
        if (_options.Trace is not { } sink)
        {
            return;
        }

        var withBodies = _options.TraceBodies;
        sink(new XRocketTrace(method.Method, "/" + path, status, elapsed, attempt, failure,
            withBodies ? MaskBody(requestBody) : null, withBodies ? MaskBody(responseBody) : null));
    }

    /// <summary>Masks sensitive JSON fields (cheque passwords, anything token-like) and the token itself.</summary>
    internal string? MaskBody(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return body;
        }

        try
        {
            var node = JsonNode.Parse(body!);
            Mask(node);
            return Redact(node?.ToJsonString());
        }
        catch (JsonException)
        {
            return Snippet(body!);
        }
    }

    private static void Mask(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (s_sensitiveFields.Any(f => string.Equals(f, key, StringComparison.OrdinalIgnoreCase)))
                    {
                        obj[key] = "***";
                    }
                    else
                    {
                        Mask(obj[key]);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Mask(item);
                }

                break;
        }
    }

    private string Redact(string? text) => _options.Token?.Redact(text) ?? text ?? "";

    /// <summary>A short, token-free excerpt of a body for error messages.</summary>
    internal string Snippet(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "(empty body)";
        }

        var flat = Redact(text).Replace('\r', ' ').Replace('\n', ' ').Trim();
        return flat.Length <= 200 ? "'" + flat + "'" : "'" + flat.Substring(0, 200) + "…'";
    }

    private string SafeMessage(Exception ex) => Redact(ex.InnerException?.Message ?? ex.Message);

    internal static string Invariant(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
