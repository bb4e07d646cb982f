namespace XRocketPay.Client;

/// <summary>What a problem code means, whatever its spelling: what callers branch on.</summary>
public enum XRocketProblemKind
{
    /// <summary>Nothing more specific is known.</summary>
    Other,

    /// <summary>The client id is already taken (the create is reconciled, never sent twice).</summary>
    Duplicate,

    /// <summary>The client id is taken by an operation with different data.</summary>
    Conflict,

    NotFound,

    /// <summary>The request is malformed or misses a field.</summary>
    Validation,

    /// <summary>A business rule refused a well-formed request (a minimum, an address, a comment).</summary>
    Refused,

    /// <summary>Not enough balance.</summary>
    Balance,

    /// <summary>The token was refused.</summary>
    Auth,

    /// <summary>The app may not do this.</summary>
    Forbidden,

    RateLimit,

    /// <summary>The server or a network is temporarily unavailable.</summary>
    Unavailable,

    /// <summary>The route does not exist on this server (for example the other API dialect's path).</summary>
    RouteNotFound,

    /// <summary>The server knows the operation but does not offer it (yet).</summary>
    NotImplemented,

    Timeout,
    ConnectionFailed,
    MalformedResponse,

    /// <summary>The server answered with a redirect, which is never followed.</summary>
    Redirect,
}
