namespace XRocketPay.Client;

public sealed partial class XRocketClient
{
    private Task<Routes.TransferFamily>? _transferFamily;

    /// <summary>
    /// The dialect this client speaks: the configured one, the one of a known host, or what detection
    /// found; <see cref="XRocketApiDialect.Auto"/> until <see cref="ResolveDialectAsync"/> (or the first
    /// transfer call) has asked.
    /// </summary>
    public XRocketApiDialect Dialect =>
        _transferFamily is { Status: TaskStatus.RanToCompletion } done ? done.Result.Dialect : KnownDialect();

    /// <summary>Decides the dialect once per client: known hosts directly, other hosts with two read-only look-ups.</summary>
    public async Task<XRocketApiDialect> ResolveDialectAsync(CancellationToken cancellationToken = default) =>
        (await TransferFamilyAsync(cancellationToken).ConfigureAwait(false)).Dialect;

    private XRocketApiDialect KnownDialect() =>
        Options.Dialect != XRocketApiDialect.Auto ? Options.Dialect : Routes.TransferFamily.ForHost(BaseUri);

    private Task<Routes.TransferFamily> TransferFamilyAsync(CancellationToken cancellationToken)
    {
        var current = _transferFamily;
        if (current is not null && !current.IsFaulted && !current.IsCanceled)
        {
            return current;
        }

        var known = KnownDialect();
        var next = known == XRocketApiDialect.Auto ? DetectAsync(cancellationToken) : Task.FromResult(Routes.TransferFamily.Of(known));
        return Interlocked.CompareExchange(ref _transferFamily, next, current) == current ? next : _transferFamily!;
    }

    /// <summary>
    /// Looks a random client id up on each dialect's single-item route (never a money-moving request). A route
    /// that exists answers the resource's not-found problem; a route that does not exist answers the
    /// framework's plain 404. Payouts first: every public v1 client and the saved live spec use it.
    /// </summary>
    private async Task<Routes.TransferFamily> DetectAsync(CancellationToken cancellationToken)
    {
        var probe = ClientIds.NewRandom();
        var seen = new List<string>();
        foreach (var family in new[] { Routes.TransferFamily.Payouts, Routes.TransferFamily.Transfers })
        {
            try
            {
                await _http.SendAsync(HttpMethod.Get, family.One, QueryString.Of((family.ClientIdQuery, probe)), null, null, cancellationToken).ConfigureAwait(false);
                return family;
            }
            catch (XRocketApiException ex) when (ex.Problem is not null && IsNotFoundOf(family, ex.Code))
            {
                return family;
            }
            catch (XRocketApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound || ex.Problem is not null)
            {
                seen.Add($"GET /{family.One}: {ex.Code}");
            }
        }

        throw new XRocketException(
            $"Could not tell how {BaseUri} names transfers ({string.Join("; ", seen)}). Connect with -ApiDialect Payouts or -ApiDialect Transfers.")
        { Method = "GET", Path = "/" + Routes.TransferFamily.Transfers.One };
    }

    private static bool IsNotFoundOf(Routes.TransferFamily family, string code) =>
        family.Dialect == XRocketApiDialect.Payouts ? code == family.NotFoundCode : code.EndsWith("_not_found", StringComparison.Ordinal);

    /// <summary>A transfer-family route the server does not have: say which dialect was used and how to switch. Nothing ran.</summary>
    private XRocketException WrongDialect(XRocketApiException ex, Routes.TransferFamily family)
    {
        var other = family.Dialect == XRocketApiDialect.Payouts ? XRocketApiDialect.Transfers : XRocketApiDialect.Payouts;
        return new XRocketApiException(ex.StatusCode, ex.Problem,
            $"{ex.Method} {ex.Path} does not exist on {BaseUri}: this connection uses the {family.Dialect} dialect of the API, and this server does not. " +
            $"Nothing was sent to a payment route, nothing was paid. Connect again with -ApiDialect {other} (or -ApiDialect Auto to detect it).")
        {
            Method = ex.Method,
            Path = ex.Path,
            Attempts = ex.Attempts,
            ClientId = ex.ClientId,
        };
    }
}
