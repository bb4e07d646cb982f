using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;

namespace XRocketPay.Client;

/// <summary>
/// Sends one logical call: per-request headers, a per-attempt timeout, retries as <see cref="XRocketRetryPolicy"/>
/// decides (an attempt whose answer was lost, with jittered backoff), typed errors, and one trace per attempt.
/// </summary>
internal sealed class XRocketHttp
{
    private static readonly ConcurrentDictionary<IWebProxy, HttpClient> s_proxiedClients = new();
    private static readonly Lazy<HttpClient> s_systemProxyClient = new(() => CreateHttpClient(null));

    private readonly XRocketClientOptions _options;
    private readonly Uri _baseUri;
    private readonly HttpClient _http;
    private readonly string _userAgent;
    private readonly Redactor _redactor;

    public XRocketHttp(XRocketClientOptions options)
    {
        _options = options;
        _baseUri = options.ResolveBaseUri();
        _redactor = new Redactor(options.Token);
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

    /// <summary>The token redactor, for problems read from success bodies (mass-transfer rows).</summary>
    internal Redactor Redactor => _redactor;

    private static bool IsNetFramework => RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

    private static HttpClient CreateHttpClient(IWebProxy? proxy)
    {
        // Redirects are never followed (issue 14 item 1): a 3xx is an error naming the target, and nothing is sent there.
        var handler = new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate, AllowAutoRedirect = false };
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
        var uri = QueryString.Build(_baseUri, path, query);
        var mayHaveReachedServer = false;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if ((XRocketThrottle.Current ?? _options.Throttle) is { } throttle)
            {
                await throttle.WaitAsync(method.Method, path, cancellationToken).ConfigureAwait(false);
            }

            var stopwatch = Stopwatch.StartNew();
            using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptCts.CancelAfter(_options.Timeout);
            XRocketException failure;
            TimeSpan? retryAfter = null;
            try
            {
                using var request = NewRequest(method, uri, body);
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, attemptCts.Token).ConfigureAwait(false);
                var text = response.Content is null ? "" : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                Trace(method, path, (int)response.StatusCode, stopwatch.Elapsed, attempt, null, body, text);
                if (response.IsSuccessStatusCode)
                {
                    return (text, mayHaveReachedServer);
                }

                if ((int)response.StatusCode is >= 300 and < 400)
                {
                    // Not retried, not followed: the body (target, amount, client id) must not reach another host.
                    throw Stamp(Redirected(method, path, response, mayHaveReachedServer), method, path, attempt, clientId);
                }

                var apiError = XRocketApiException.FromResponse(response, text, _redactor);
                failure = apiError;
                retryAfter = apiError.RetryAfter;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Trace(method, path, null, stopwatch.Elapsed, attempt, "cancelled", body, null);
                throw;
            }
            catch (OperationCanceledException ex)
            {
                Trace(method, path, null, stopwatch.Elapsed, attempt, "timeout", body, null);
                failure = new XRocketTransportException(XRocketProblemCodes.Timeout, $"{method} {Address(path)} got no answer within {_options.Timeout.TotalSeconds:0.#} s.", ex);
            }
            catch (HttpRequestException ex)
            {
                Trace(method, path, null, stopwatch.Elapsed, attempt, "connection failed", body, null);
                failure = new XRocketTransportException(XRocketProblemCodes.ConnectionFailed, $"{method} {Address(path)} failed: {_redactor.SafeMessage(ex)}", ex);
            }

            failure.EarlierAttemptMayHaveSucceeded = mayHaveReachedServer;
            mayHaveReachedServer |= XRocketRetryPolicy.MayHaveBeenExecuted(failure);
            failure.MayHaveSucceeded = mayHaveReachedServer;
            if (!_options.Retry.ShouldRetry(failure, attempt))
            {
                throw Stamp(failure, method, path, attempt, clientId);
            }

            await Task.Delay(_options.Retry.Delay(attempt, retryAfter), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Where a request went, without its query: a failure to reach the server names the address (issue 25 item 5).</summary>
    private string Address(string path) => new Uri(_baseUri, path).GetLeftPart(UriPartial.Path);

    private XRocketTransportException Redirected(HttpMethod method, string path, HttpResponseMessage response, bool earlierMayHaveSucceeded)
    {
        var location = response.Headers.Location;
        var where = location is null ? "no location"
            : location.IsAbsoluteUri ? $"{location.Scheme}://{location.Authority}" : $"{_baseUri.Scheme}://{_baseUri.Authority} (relative)";
        return new XRocketTransportException(XRocketProblemCodes.RedirectRefused,
            $"{method} /{path} was answered with a redirect (HTTP {(int)response.StatusCode}) to {_redactor.Redact(where)}; redirects are never followed, and nothing was sent there.")
        {
            MayHaveSucceeded = earlierMayHaveSucceeded,
            EarlierAttemptMayHaveSucceeded = earlierMayHaveSucceeded,
        };
    }

    /// <summary>Reads a success body; a body that is not the expected JSON is a malformed response (after a success: the work was done).</summary>
    public T Deserialize<T>(string text, string method, string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return JsonSerializer.Deserialize(text, typeInfo) ?? throw new JsonException("The body is empty.");
        }
        catch (JsonException ex)
        {
            // The JsonException is not kept as the inner exception: its message can quote the body (issue 14 item 2).
            throw new XRocketTransportException(XRocketProblemCodes.MalformedResponse, $"{method} /{path} answered a body that is not the expected JSON ({_redactor.Redact(ex.Message)}): {_redactor.Snippet(text)}")
            {
                Method = method,
                Path = "/" + path,
                MayHaveSucceeded = true,
            };
        }
    }

    private HttpRequestMessage NewRequest(HttpMethod method, Uri uri, string? body)
    {
        var request = new HttpRequestMessage(method, uri);
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

        return request;
    }

    private static XRocketException Stamp(XRocketException exception, HttpMethod method, string path, int attempts, string? clientId)
    {
        exception.Method = method.Method;
        exception.Path = "/" + path;
        exception.Attempts = attempts;
        exception.ClientId = clientId;
        return exception;
    }

    private void Trace(HttpMethod method, string path, int? status, TimeSpan elapsed, int attempt, string? failure, string? requestBody, string? responseBody)
    {
        if (_options.Trace is not { } sink)
        {
            return;
        }

        var detail = _options.TraceDetail?.Invoke() ?? XRocketTraceDetail.Summary;
        if (detail == XRocketTraceDetail.None)
        {
            return;
        }

        var withBodies = detail == XRocketTraceDetail.Bodies;
        sink(new XRocketTrace(method.Method, "/" + path, status, elapsed, attempt, failure,
            withBodies ? _redactor.MaskBody(requestBody) : null, withBodies ? _redactor.MaskBody(responseBody) : null));
    }
}
