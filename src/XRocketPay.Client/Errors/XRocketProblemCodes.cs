namespace XRocketPay.Client;

/// <summary>
/// The one problem-code table: every code the client branches on, what it means, its error id and its
/// category. To add a code, add one line to <see cref="s_kinds"/>.
/// </summary>
public static class XRocketProblemCodes
{
    public const string ClientIdAlreadyTaken = "client_id_already_taken";
    public const string ClientIdConflict = "client_id_conflict";
    public const string NotFound = "not_found";
    public const string Unauthorized = "unauthorized";
    public const string RateLimitExceeded = "rate_limit_exceeded";
    public const string Timeout = "timeout";
    public const string ConnectionFailed = "connection_failed";
    public const string MalformedResponse = "malformed_response";
    public const string TransportError = "transport_error";
    public const string RedirectRefused = "redirect_refused";

    /// <summary>A 404 whose body is not a problem document: the route itself does not exist (NestJS answers so), nothing ran.</summary>
    public const string RouteNotFound = "route_not_found";

    /// <summary>
    /// Every code of the live list (SOURCES §3, the saved v1 OpenAPI), the older ones we met, and the
    /// client's own. A code not here is still read by its shape (<c>*_not_found</c>, <c>missing_*_identifier</c>)
    /// and its HTTP status.
    /// </summary>
    private static readonly Dictionary<string, XRocketProblemKind> s_kinds = new(StringComparer.Ordinal)
    {
        // A repeat of earlier work: reconciled by looking the object up, never sent again.
        [ClientIdAlreadyTaken] = XRocketProblemKind.Duplicate,
        ["payout_client_id_duplicate"] = XRocketProblemKind.Duplicate,
        [ClientIdConflict] = XRocketProblemKind.Conflict,

        // 404 family, and recipients that do not exist.
        [NotFound] = XRocketProblemKind.NotFound,
        ["app_cheque_not_found"] = XRocketProblemKind.NotFound,
        ["app_not_found"] = XRocketProblemKind.NotFound,
        ["app_payout_not_found"] = XRocketProblemKind.NotFound,
        ["app_transfer_not_found"] = XRocketProblemKind.NotFound,
        ["app_withdrawal_not_found"] = XRocketProblemKind.NotFound,
        ["asset_not_found"] = XRocketProblemKind.NotFound,
        ["currency_not_found"] = XRocketProblemKind.NotFound,
        ["invoice_not_found"] = XRocketProblemKind.NotFound,
        ["network_not_found"] = XRocketProblemKind.NotFound,
        ["target_user_not_found"] = XRocketProblemKind.NotFound,
        ["payout_user_not_found"] = XRocketProblemKind.NotFound,
        [RouteNotFound] = XRocketProblemKind.RouteNotFound,

        // The request itself is wrong.
        ["validation_error"] = XRocketProblemKind.Validation,
        ["client_data_validation"] = XRocketProblemKind.Validation,
        ["amount_invalid"] = XRocketProblemKind.Validation,
        ["amount_conflict"] = XRocketProblemKind.Validation,
        ["invalid_pay_currency"] = XRocketProblemKind.Validation,
        ["missing_cheque_identifier"] = XRocketProblemKind.Validation,
        ["missing_invoice_amount"] = XRocketProblemKind.Validation,
        ["missing_invoice_identifier"] = XRocketProblemKind.Validation,
        ["missing_payout_identifier"] = XRocketProblemKind.Validation,
        ["missing_transfer_identifier"] = XRocketProblemKind.Validation,

        // Well formed, refused by a business rule.
        ["amount_less_than_minimum"] = XRocketProblemKind.Refused,
        ["amount_less_than_min_deposit"] = XRocketProblemKind.Refused,
        ["cheque_already_used"] = XRocketProblemKind.Refused,
        ["invoice_expired"] = XRocketProblemKind.Refused,
        ["payout_user_blocked"] = XRocketProblemKind.Refused,
        ["withdrawal_incorrect_address"] = XRocketProblemKind.Refused,
        ["withdrawal_incorrect_comment"] = XRocketProblemKind.Refused,
        ["amount_more_than_app_balance"] = XRocketProblemKind.Balance,

        [Unauthorized] = XRocketProblemKind.Auth,
        ["operation_disabled"] = XRocketProblemKind.Forbidden,
        ["coin_deposit_disabled"] = XRocketProblemKind.Forbidden,
        ["withdrawal_asset_not_allowed"] = XRocketProblemKind.Forbidden,
        ["asset_delisted"] = XRocketProblemKind.Forbidden,
        [RateLimitExceeded] = XRocketProblemKind.RateLimit,
        ["network_is_suspended"] = XRocketProblemKind.Unavailable,
        ["internal_error"] = XRocketProblemKind.Unavailable,
        ["not_implemented"] = XRocketProblemKind.NotImplemented,

        // The client's own.
        [Timeout] = XRocketProblemKind.Timeout,
        [ConnectionFailed] = XRocketProblemKind.ConnectionFailed,
        [MalformedResponse] = XRocketProblemKind.MalformedResponse,
        [RedirectRefused] = XRocketProblemKind.Redirect,
    };

    /// <summary>Looks a code up: the table, then the code's shape, then the HTTP status it came with.</summary>
    public static XRocketProblemCode Describe(string code, int? httpStatus = null)
    {
        var kind = s_kinds.TryGetValue(code ?? "", out var known) ? known : ByShape(code ?? "", httpStatus);
        return new XRocketProblemCode(code ?? "", kind, Category(kind));
    }

    /// <summary>The code of an error answer that carries no problem body.</summary>
    public static string ForStatus(int httpStatus) => httpStatus switch
    {
        404 => RouteNotFound,
        401 => Unauthorized,
        429 => RateLimitExceeded,
        _ => "http_" + httpStatus.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>A problem code such as <c>client_id_already_taken</c> as <c>ClientIdAlreadyTaken</c>.</summary>
    public static string ToErrorId(string code)
    {
        var builder = new StringBuilder(code.Length);
        var upper = true;
        foreach (var c in code)
        {
            if (c == '_' || c == '-' || c == ' ' || c == '.')
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return builder.Length == 0 ? "Unknown" : builder.ToString();
    }

    private static XRocketProblemKind ByShape(string code, int? httpStatus) =>
        code.EndsWith("_not_found", StringComparison.Ordinal) ? XRocketProblemKind.NotFound
        : code.StartsWith("missing_", StringComparison.Ordinal) && code.EndsWith("_identifier", StringComparison.Ordinal) ? XRocketProblemKind.Validation
        : httpStatus >= 500 ? XRocketProblemKind.Unavailable
        : httpStatus == 404 ? XRocketProblemKind.NotFound
        : XRocketProblemKind.Other;

    private static string Category(XRocketProblemKind kind) => kind switch
    {
        XRocketProblemKind.Duplicate or XRocketProblemKind.Conflict => "ResourceExists",
        XRocketProblemKind.NotFound => "ObjectNotFound",
        XRocketProblemKind.Validation or XRocketProblemKind.Refused => "InvalidArgument",
        XRocketProblemKind.Balance => "QuotaExceeded",
        XRocketProblemKind.Auth => "AuthenticationError",
        XRocketProblemKind.Forbidden => "PermissionDenied",
        XRocketProblemKind.RateLimit => "LimitsExceeded",
        XRocketProblemKind.Unavailable => "ResourceUnavailable",
        XRocketProblemKind.Timeout => "OperationTimeout",
        XRocketProblemKind.RouteNotFound or XRocketProblemKind.NotImplemented => "NotImplemented",
        XRocketProblemKind.ConnectionFailed => "ConnectionError",
        XRocketProblemKind.MalformedResponse => "InvalidResult",
        XRocketProblemKind.Redirect => "SecurityError",
        _ => "InvalidOperation",
    };
}
