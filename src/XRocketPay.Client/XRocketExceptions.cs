using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text;
using XRocketPay.Client.Models;

namespace XRocketPay.Client;

/// <summary>Anything the API or the way to it refused. Never carries the token.</summary>
public class XRocketException : Exception
{
    public XRocketException(string message, Exception? inner = null) : base(message, inner)
    {
    }

    /// <summary>The HTTP method and path of the call (no query values, no token).</summary>
    public string? Method { get; internal set; }
    public string? Path { get; internal set; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; internal set; }

    /// <summary>The client id the call used, so the caller can reconcile or re-run safely.</summary>
    public string? ClientId { get; internal set; }

    /// <summary>The stable, branchable code: the API problem code, or a client-side one.</summary>
    public virtual string Code => "transport_error";

    /// <summary>A problem code such as <c>client_id_already_taken</c> as <c>ClientIdAlreadyTaken</c>.</summary>
    public static string ToPascalCase(string code)
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
}

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

/// <summary>No usable answer: a timeout, a refused or dropped connection, or a body that could not be read.</summary>
public sealed class XRocketTransportException : XRocketException
{
    public XRocketTransportException(string code, string message, Exception? inner = null) : base(message, inner) => TransportCode = code;

    private string TransportCode { get; }

    /// <summary><c>timeout</c>, <c>connection_failed</c> or <c>malformed_response</c>.</summary>
    public override string Code => TransportCode;

    /// <summary>True when the request may have been executed although no answer arrived.</summary>
    public bool MayHaveSucceeded { get; internal set; }
}

/// <summary>
/// The client id already exists with different data: the earlier operation is not the one asked for now.
/// Nothing was sent twice; fix the id or the data.
/// </summary>
public sealed class XRocketConflictException : XRocketException
{
    public XRocketConflictException(string clientId, IReadOnlyList<string> differingFields, object existing)
        : base($"Client id '{clientId}' is already used by an operation with a different {string.Join(", ", differingFields)}. Nothing new was sent; use another client id or the same data.")
    {
        ClientId = clientId;
        DifferingFields = differingFields;
        Existing = existing;
    }

    public IReadOnlyList<string> DifferingFields { get; }

    /// <summary>The operation that holds the client id.</summary>
    public object Existing { get; }

    public override string Code => "client_id_conflict";
}

/// <summary>The result of a create call: the object, the client id used, and whether it existed before this call.</summary>
public sealed class XRocketCreateResult<T>
{
    internal XRocketCreateResult(T value, string clientId, bool alreadyExisted)
    {
        Value = value;
        ClientId = clientId;
        AlreadyExisted = alreadyExisted;
    }

    public T Value { get; }
    public string ClientId { get; }

    /// <summary>
    /// True when the object was created by earlier work (the first attempt of this call found the client id
    /// taken by an operation with the same data). False when this call created it, even across retries.
    /// </summary>
    public bool AlreadyExisted { get; }
}

public enum MassTransferRowStatus
{
    Sent,
    AlreadyDone,
    Failed,
}

/// <summary>The outcome of one row of a mass transfer.</summary>
public sealed class MassTransferRowResult
{
    internal MassTransferRowResult(int index, string clientTransferId, MassTransferRowStatus status, Transfer? transfer, XRocketProblem? problem, XRocketException? error)
    {
        Index = index;
        ClientTransferId = clientTransferId;
        Status = status;
        Transfer = transfer;
        Problem = problem;
        Error = error;
    }

    /// <summary>The row's position in the request.</summary>
    public int Index { get; }
    public string ClientTransferId { get; }
    public MassTransferRowStatus Status { get; }
    public Transfer? Transfer { get; }

    /// <summary>Why the API refused the row.</summary>
    public XRocketProblem? Problem { get; }

    /// <summary>A client-side failure of the row (a conflicting client id).</summary>
    public XRocketException? Error { get; }

    public string? Code => Error?.Code ?? Problem?.Code;
}
