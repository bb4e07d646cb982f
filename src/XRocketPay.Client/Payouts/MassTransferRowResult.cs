namespace XRocketPay.Client;

/// <summary>The outcome of one row of a mass transfer.</summary>
public sealed class MassTransferRowResult
{
    internal MassTransferRowResult(int index, string clientTransferId, XRocketOutcome outcome, Transfer? transfer, XRocketException? error)
    {
        Index = index;
        ClientTransferId = clientTransferId;
        Outcome = outcome;
        Transfer = transfer;
        Error = error;
    }

    /// <summary>The row's position in the request.</summary>
    public int Index { get; }
    public string ClientTransferId { get; }
    public XRocketOutcome Outcome { get; }
    public Transfer? Transfer { get; }

    /// <summary>Why the API refused the row, when it did.</summary>
    public XRocketProblem? Problem => (Error as XRocketRowException)?.Problem;

    /// <summary>
    /// Why the row is Failed or Unknown: an <see cref="XRocketRowException"/> (refused, or lost with its
    /// request), an <see cref="XRocketConflictException"/>, or the failure of the reconciling look-up.
    /// </summary>
    public XRocketException? Error { get; }

    public string? Code => Error?.Code;

    /// <summary>The row's client id was found taken and is not yet compared (Sent: by an attempt of this call).</summary>
    internal bool Unverified { get; init; }
}
