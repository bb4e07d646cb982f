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

    private static readonly Dictionary<string, XRocketProblemKind> s_kinds = new(StringComparer.Ordinal)
    {
        [ClientIdAlreadyTaken] = XRocketProblemKind.Duplicate,
        ["payout_client_id_duplicate"] = XRocketProblemKind.Duplicate,
        [ClientIdConflict] = XRocketProblemKind.Conflict,
        [NotFound] = XRocketProblemKind.NotFound,
        ["target_user_not_found"] = XRocketProblemKind.NotFound,
        ["client_data_validation"] = XRocketProblemKind.Validation,
        ["validation_error"] = XRocketProblemKind.Validation,
        ["amount_less_than_minimum"] = XRocketProblemKind.Refused,
        ["withdrawal_incorrect_address"] = XRocketProblemKind.Refused,
        ["withdrawal_incorrect_comment"] = XRocketProblemKind.Refused,
        ["amount_more_than_app_balance"] = XRocketProblemKind.Balance,
        [Unauthorized] = XRocketProblemKind.Auth,
        ["operation_disabled"] = XRocketProblemKind.Forbidden,
        ["withdrawal_asset_not_allowed"] = XRocketProblemKind.Forbidden,
        [RateLimitExceeded] = XRocketProblemKind.RateLimit,
        ["network_is_suspended"] = XRocketProblemKind.Unavailable,
        ["internal_error"] = XRocketProblemKind.Unavailable,
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
        404 => NotFound,
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
        XRocketProblemKind.ConnectionFailed => "ConnectionError",
        XRocketProblemKind.MalformedResponse => "InvalidResult",
        XRocketProblemKind.Redirect => "SecurityError",
        _ => "InvalidOperation",
    };
}
