using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text;
using XRocketPay.Client.Models;

namespace XRocketPay.Client;

/// <summary>The API answered with an error status (an RFC 9457 problem, or a body that is not one).</summary>
public class XRocketApiException : XRocketException
{
    public XRocketApiException(HttpStatusCode statusCode, XRocketProblem? problem, string message) : base(message)
    {
        StatusCode = statusCode;
        Problem = problem;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The parsed problem body; null when the body was not one (a proxy's HTML page, an empty body).</summary>
    public XRocketProblem? Problem { get; }

    public TimeSpan? RetryAfter { get; internal set; }

    public override string Code => Problem?.Code ?? StatusCode switch
    {
        HttpStatusCode.NotFound => "not_found",
        HttpStatusCode.Unauthorized => "unauthorized",
        (HttpStatusCode)429 => "rate_limit_exceeded",
        _ => "http_" + ((int)StatusCode).ToString(CultureInfo.InvariantCulture),
    };

    public bool IsClientIdAlreadyTaken => Code == Routes.ProblemCodes.ClientIdAlreadyTaken;
    public bool IsInsufficientFunds => Code == "amount_more_than_app_balance";
    public bool IsUnauthorized => StatusCode == HttpStatusCode.Unauthorized || Code == "unauthorized";
    public bool IsRateLimited => (int)StatusCode == 429 || Code == "rate_limit_exceeded";
    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;
    public bool IsValidation => Code == "client_data_validation";

    /// <summary>Set when an earlier attempt of the same call may have reached the server (timeout, drop, 5xx).</summary>
    internal bool EarlierAttemptMayHaveSucceeded { get; set; }
}
