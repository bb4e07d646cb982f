namespace XRocketPay.Client;

/// <summary>
/// One row of a mass transfer that did not go through: refused by the API (<see cref="Problem"/>), or lost
/// with its whole request (<see cref="System.Exception.InnerException"/>, whose code it carries).
/// </summary>
public sealed class XRocketRowException : XRocketException
{
    private XRocketRowException(string message, string clientTransferId, XRocketProblem? problem, XRocketException? request)
        : base(message, request)
    {
        ClientId = clientTransferId;
        Problem = problem;
        Request = request;
    }

    /// <summary>Why the API refused the row; null when the whole request failed.</summary>
    public XRocketProblem? Problem { get; }

    public override string Code => Problem?.Code ?? Request?.Code ?? XRocketProblemCodes.TransportError;

    internal override int? HttpStatus => Problem?.Status ?? Request?.HttpStatus;

    private XRocketException? Request { get; }

    internal static XRocketRowException Refused(string clientTransferId, XRocketProblem problem, string path) =>
        new($"{problem.Title ?? "Refused"} ({problem.Code}): {problem.Detail}", clientTransferId, problem, null)
        {
            Method = "POST",
            Path = "/" + path,
        };

    internal static XRocketRowException Lost(string clientTransferId, XRocketException request) =>
        new(request.Message, clientTransferId, null, request)
        {
            Method = request.Method,
            Path = request.Path,
            Attempts = request.Attempts,
            MayHaveSucceeded = request.MayHaveSucceeded,
        };
}
