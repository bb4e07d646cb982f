namespace XRocketPay.Client;

/// <summary>
/// What a call that creates something (a transfer, a mass-transfer row, a cheque, an invoice, a withdrawal)
/// did: the one outcome vocabulary of the core and the module.
/// </summary>
public enum XRocketOutcome
{
    /// <summary>This call did it (across its retries).</summary>
    Sent,

    /// <summary>An earlier call with the same client id and the same data did it; nothing was done again.</summary>
    AlreadyDone,

    /// <summary>Not done; the error says why. A re-run with the same client id is safe.</summary>
    Failed,

    /// <summary>
    /// The answer was lost after an attempt the server may have committed (a timeout, a dropped connection,
    /// a 5xx after the request was sent): it may have been done. Re-run with the same client id to
    /// reconcile, never with a new one.
    /// </summary>
    Unknown,
}
