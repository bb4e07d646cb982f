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
    public virtual string Code => XRocketProblemCodes.TransportError;

    /// <summary>What the code means, its error id and category: its row of <see cref="XRocketProblemCodes"/>.</summary>
    public XRocketProblemCode ProblemCode => XRocketProblemCodes.Describe(Code, HttpStatus);

    /// <summary>True when this or an earlier attempt may have been executed although no usable answer arrived.</summary>
    public bool MayHaveSucceeded { get; internal set; }

    /// <summary>
    /// For a create: <see cref="XRocketOutcome.Unknown"/> when it may have been done (the message then says
    /// how to reconcile), else <see cref="XRocketOutcome.Failed"/>.
    /// </summary>
    public XRocketOutcome Outcome { get; internal set; } = XRocketOutcome.Failed;

    public override string Message => Outcome == XRocketOutcome.Unknown ? base.Message + " " + Outcomes.UnknownNote(ClientId) : base.Message;

    /// <summary>What went wrong, without the note on how to reconcile an unknown outcome: for callers that say it their own way.</summary>
    public string Reason => base.Message;

    /// <summary>Set when an earlier attempt of the same call may have reached the server (timeout, drop, 5xx).</summary>
    internal bool EarlierAttemptMayHaveSucceeded { get; set; }

    /// <summary>The HTTP status the failure came with, if any.</summary>
    internal virtual int? HttpStatus => null;

    /// <summary>A problem code such as <c>client_id_already_taken</c> as <c>ClientIdAlreadyTaken</c>.</summary>
    public static string ToPascalCase(string code) => XRocketProblemCodes.ToErrorId(code);
}
