namespace XRocketPay.Client;

/// <summary>Where every <see cref="XRocketOutcome"/> is decided.</summary>
internal static class Outcomes
{
    /// <summary>A create whose client id was found taken by an operation with the same data.</summary>
    internal static XRocketOutcome OfTakenClientId(bool earlierAttemptOfThisCallMayHaveSucceeded) =>
        earlierAttemptOfThisCallMayHaveSucceeded ? XRocketOutcome.Sent : XRocketOutcome.AlreadyDone;

    /// <summary>
    /// A create that ended in <paramref name="failure"/>: <see cref="XRocketOutcome.Unknown"/> when any attempt
    /// may have been committed (or the operation is known to exist but could not be compared), else Failed.
    /// Stamps the failure with the client id and the outcome, whose message then says how to reconcile.
    /// </summary>
    internal static XRocketException Settle(XRocketException failure, string clientId, bool knownToExist = false)
    {
        failure.ClientId ??= clientId;
        failure.Outcome = failure is XRocketConflictException ? XRocketOutcome.Failed
            : failure.MayHaveSucceeded || knownToExist || failure.Outcome == XRocketOutcome.Unknown ? XRocketOutcome.Unknown
            : XRocketOutcome.Failed;
        return failure;
    }

    /// <summary>What every unknown outcome says, on single and mass payouts, withdrawals, cheques and invoices.</summary>
    internal static string UnknownNote(string? clientId) =>
        $"The outcome is unknown: it may have been paid; re-run with the same client id ({clientId}) to reconcile, never with a new one.";
}
