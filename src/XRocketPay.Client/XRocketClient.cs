using J = XRocketPay.Client.XRocketJsonContext;

namespace XRocketPay.Client;

/// <summary>
/// The whole xRocket Pay API. Thread-safe; share one per connection. Creates that move money carry a
/// client id made once per call (<see cref="ClientIds"/>) and reused on every retry, and a repeat of
/// earlier work is recognised instead of paying twice. Operations live in one file per resource
/// (<c>XRocketClient.Transfers.cs</c> …); the shared plumbing is here.
/// </summary>
public sealed partial class XRocketClient
{
    private readonly XRocketHttp _http;
    private readonly InvoiceExpiry _invoiceExpiry;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _assetDecimals = new(StringComparer.OrdinalIgnoreCase);
    private readonly Settling _settling;

    public XRocketClient(XRocketClientOptions options)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        _http = new XRocketHttp(options);
        _invoiceExpiry = new InvoiceExpiry(options.InvoiceExpiryUnit);
        _settling = new Settling(options);
    }

    public XRocketClientOptions Options { get; }

    public Uri BaseUri => _http.BaseUri;

    public override string ToString() => $"XRocketClient {BaseUri} ({Options.Token?.Hint ?? "no token"})";

    public Task<Health> GetHealthAsync(CancellationToken cancellationToken = default) =>
        GetAsync(Routes.Health, null, J.Default.Health, cancellationToken);

    public Task<App> GetAppInfoAsync(CancellationToken cancellationToken = default) =>
        GetAsync(Routes.AppInfo, null, J.Default.App, cancellationToken);

    public async Task<IReadOnlyList<AssetBalance>> GetBalancesAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync(Routes.Balances, null, J.Default.BalanceList, cancellationToken).ConfigureAwait(false)).Balances;

    public async Task<IReadOnlyList<Currency>> GetCurrenciesAsync(string? kind = null, CancellationToken cancellationToken = default) =>
        await GetAsync(Routes.Currencies, QueryString.Of((Routes.Query.Kind, kind)), J.Default.ListCurrency, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<Rate>> GetRatesAsync(string baseCurrency, IEnumerable<string> assets, CancellationToken cancellationToken = default)
    {
        var query = QueryString.Of((Routes.Query.Base, baseCurrency), (Routes.Query.Assets, string.Join(",", assets)));
        var rates = await GetAsync(Routes.Rates, query, J.Default.ListRate, cancellationToken).ConfigureAwait(false);
        foreach (var rate in rates)
        {
            rate.Base = baseCurrency;
        }

        return rates;
    }

    private async Task<T> GetAsync<T>(string path, List<KeyValuePair<string, string?>>? query, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken, WireNames? fromWire = null)
    {
        var text = await _http.SendAsync(HttpMethod.Get, path, query, null, null, cancellationToken).ConfigureAwait(false);
        return _http.Deserialize(fromWire?.Apply(text) ?? text, "GET", path, typeInfo);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, List<KeyValuePair<string, string?>>? query, string? body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var text = await _http.SendAsync(method, path, query, body, null, cancellationToken).ConfigureAwait(false);
        return _http.Deserialize(text, method.Method, path, typeInfo);
    }

    /// <summary>
    /// A create that can never pay twice: the same client id on every attempt, and a "client id already
    /// taken" answer reconciled by looking the object up and comparing it with the request
    /// (<see cref="SameObject"/>). An answer lost after all retries is settled (<see cref="Settling"/>). The
    /// outcome is decided by <see cref="Outcomes"/>.
    /// </summary>
    private async Task<XRocketCreateResult<T>> CreateAsync<T>(string path, string body, string clientId, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo,
        Func<CancellationToken, Task<T>>? lookUp, Func<T, IReadOnlyList<string>> differences, CancellationToken cancellationToken, WireNames? fromWire = null,
        Func<T, IReadOnlyList<string>, XRocketConflictException>? conflict = null)
        where T : class
    {
        try
        {
            return await _settling.SendAsync(path, (answerLost, ct) => CreateOnceAsync(path, body, clientId, typeInfo, lookUp, differences, answerLost, ct, fromWire, conflict),
                cancellationToken).ConfigureAwait(false);
        }
        catch (XRocketException ex)
        {
            throw Outcomes.OfFailedCreate(ex, clientId);
        }
    }

    private async Task<XRocketCreateResult<T>> CreateOnceAsync<T>(string path, string body, string clientId, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo,
        Func<CancellationToken, Task<T>>? lookUp, Func<T, IReadOnlyList<string>> differences, bool answerLost, CancellationToken cancellationToken, WireNames? fromWire,
        Func<T, IReadOnlyList<string>, XRocketConflictException>? conflict)
        where T : class
    {
        try
        {
            var text = await _http.SendAsync(HttpMethod.Post, path, null, body, clientId, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(text) && lookUp is null)
            {
                return new XRocketCreateResult<T>(null!, clientId, XRocketOutcome.Sent) { Unverified = true };
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                // Any 2xx is success (SOURCES §0: status codes and bodies differ from source to source): with no
                // body to read, the object is read back by its client id.
                try
                {
                    return new XRocketCreateResult<T>(await lookUp!(cancellationToken).ConfigureAwait(false), clientId, XRocketOutcome.Sent);
                }
                catch (XRocketException lookupFailure)
                {
                    throw Outcomes.OfFailedCreate(lookupFailure, clientId, knownToExist: true);
                }
            }

            return new XRocketCreateResult<T>(_http.Deserialize(fromWire?.Apply(text) ?? text, "POST", path, typeInfo), clientId, XRocketOutcome.Sent);
        }
        catch (XRocketApiException ex) when (ex.IsClientIdAlreadyTaken && lookUp is null)
        {
            return new XRocketCreateResult<T>(null!, clientId, Outcomes.OfTakenClientId(answerLost || ex.EarlierAttemptMayHaveSucceeded)) { Unverified = true };
        }
        catch (XRocketApiException ex) when (ex.IsClientIdAlreadyTaken)
        {
            T existing;
            try
            {
                existing = await lookUp!(cancellationToken).ConfigureAwait(false);
            }
            catch (XRocketException lookupFailure)
            {
                throw Outcomes.OfFailedCreate(lookupFailure, clientId, knownToExist: true);
            }

            var differing = differences(existing);
            if (differing.Count > 0)
            {
                var refused = conflict?.Invoke(existing, differing) ?? new XRocketConflictException(clientId, differing, existing);
                refused.Method = "POST";
                refused.Path = "/" + path;
                refused.Attempts = ex.Attempts;
                throw refused;
            }

            // Taken after an attempt (of this pass or an earlier one) that may have gone through: this call created it.
            return new XRocketCreateResult<T>(existing, clientId, Outcomes.OfTakenClientId(answerLost || ex.EarlierAttemptMayHaveSucceeded));
        }
    }

    private static IEnumerable<T> Paginate<T>(Func<string?, Task<XRocketPage<T>>> fetch, int? maxItems, CancellationToken cancellationToken) =>
        XRocketPaging.Items(cursor =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return fetch(cursor).GetAwaiter().GetResult();
        }, take: maxItems is { } max ? (ulong)Math.Max(0, max) : null);
}
