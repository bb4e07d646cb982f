namespace XRocketPay.Client;

/// <summary>
/// Where every <see cref="XRocketOutcome"/> is decided, with the two questions outcomes rest on: "is it the
/// same payment?" (<see cref="Differences"/>) and "is it paid?" (<see cref="IsPaid"/>). The
/// payout engine, the journal, the preflight and the audit ask them here and nowhere else.
/// </summary>
public static class Outcomes
{
    /// <summary>Paid: this call or an earlier one did it.</summary>
    public static bool IsPaid(XRocketOutcome outcome) => outcome is XRocketOutcome.Sent or XRocketOutcome.AlreadyDone;

    /// <summary>
    /// "Same payment?": the fields in which <paramref name="existing"/> differs from the payment asked for
    /// (target, asset case-insensitively, amount by value); empty when it is the same payment. A field the API
    /// did not show is not compared.
    /// </summary>
    public static IReadOnlyList<string> Differences(Transfer existing, string? target, string? asset, decimal amount) =>
        SameObject.Differences(
            SameObject.Identity("target", existing.Target, target),
            SameObject.Code("asset", existing.Asset, asset),
            SameObject.Amount("amount", existing.Amount, amount));

    /// <summary>
    /// Admission from the journal: a row whose client id the journal knows as paid is skipped (AlreadyDone, no
    /// request) only when the journal's payment is the same payment; a row changed since (another recipient,
    /// asset or amount) is Failed with a conflict naming both versions, and nothing is sent (issue 28). Null:
    /// send the row (the journal does not know it paid, or not what it paid: the API's answer to the same
    /// client id then decides, which cannot pay twice).
    /// </summary>
    public static XRocketPayoutResult? Admit(XRocketPayoutRow row, PayoutJournal? journal)
    {
        if (journal?.Row(row.ClientTransferId) is not { IsPaid: true } journaled)
        {
            return null;
        }

        var paid = new Transfer { TransferId = journaled.TransferId ?? "", ClientTransferId = journaled.ClientTransferId, Target = journaled.TelegramUserId ?? "", Asset = journaled.Asset, Amount = journaled.Amount };

        var differing = Differences(paid, row.TelegramUserId, row.Asset, row.Amount);
        return differing.Count == 0
            ? new XRocketPayoutResult(row, XRocketOutcome.AlreadyDone, journaled.TransferId is null ? null : paid, null)
            : new XRocketPayoutResult(row, XRocketOutcome.Failed, null, OfFailedCreate(Conflict(row.ClientTransferId, differing, paid, row.TelegramUserId, row.Asset, row.Amount), row.ClientTransferId));
    }

    /// <summary>
    /// A create whose client id was found taken by an operation with the same data: Sent only when an earlier
    /// attempt of this call may have made it and the operation is not known to have existed before this run's
    /// first attempt (issue 28: Sent counts only payments made by this run; a re-run after an outage that finds
    /// the earlier run's payments says AlreadyDone).
    /// </summary>
    internal static XRocketOutcome OfTakenClientId(bool earlierAttemptOfThisCallMayHaveSucceeded, bool existedBeforeThisRun = false) =>
        earlierAttemptOfThisCallMayHaveSucceeded && !existedBeforeThisRun ? XRocketOutcome.Sent : XRocketOutcome.AlreadyDone;

    /// <summary>A row whose client id is taken by <paramref name="existing"/>: the same payment (Sent or AlreadyDone, <see cref="OfTakenClientId"/>) or a conflict (Failed).</summary>
    internal static MassTransferRowResult OfTakenRow(int index, string clientId, string target, string asset, decimal amount, bool ownAttempt, Transfer existing, bool existedBeforeThisRun = false)
    {
        var differing = Differences(existing, target, asset, amount);
        return differing.Count == 0
            ? new MassTransferRowResult(index, clientId, OfTakenClientId(ownAttempt, existedBeforeThisRun), existing, null)
            : new MassTransferRowResult(index, clientId, XRocketOutcome.Failed, existing, Conflict(clientId, differing, existing, target, asset, amount));
    }

    /// <summary>A conflict that names both payments and the transfer holding the client id.</summary>
    internal static XRocketConflictException Conflict(string clientId, IReadOnlyList<string> differing, Transfer existing, string target, string asset, decimal amount) =>
        new(clientId, differing, existing,
            $"Client id '{clientId}' was already paid{(existing.TransferId.Length == 0 ? "" : " as transfer " + existing.TransferId)}: {XRocketMoney.Format(existing.Amount)} {existing.Asset} to {existing.Target}; "
            + $"this row now asks {XRocketMoney.Format(amount)} {asset} to {target} (different {string.Join(", ", differing)}). Nothing new was sent. "
            + "A payment cannot be changed: if the earlier one was right, drop the row; if a further payment is due, send it as a new row with a ClientTransferId (or Reference) of its own.");

    /// <summary>
    /// A failure that says nothing of what the server did (no answer, a 5xx, a 429, a malformed or empty
    /// answer): the same request may be sent again to settle it, since its client id cannot pay twice.
    /// </summary>
    internal static bool IsAnswerLost(XRocketException failure) => failure switch
    {
        XRocketTransportException transport => transport.Code is not XRocketProblemCodes.RedirectRefused,
        XRocketApiException api => (int)api.StatusCode >= 500 || api.StatusCode == (HttpStatusCode)429,
        XRocketRowException row => row.Problem is null && row.InnerException is XRocketException request && IsAnswerLost(request),
        _ => false,
    };

    /// <summary>
    /// A create that ended in <paramref name="failure"/>: <see cref="XRocketOutcome.Unknown"/> when any attempt
    /// may have been committed (or the operation is known to exist but could not be compared), else Failed.
    /// Stamps the failure with the client id and the outcome, whose message then says how to reconcile.
    /// </summary>
    internal static XRocketException OfFailedCreate(XRocketException failure, string clientId, bool knownToExist = false)
    {
        failure.ClientId ??= clientId;
        failure.Outcome = failure is XRocketConflictException ? XRocketOutcome.Failed
            : knownToExist ? XRocketOutcome.Unknown
            : ProvesNothingCreated(failure) ? XRocketOutcome.Failed
            : failure.MayHaveSucceeded || failure.Outcome == XRocketOutcome.Unknown ? XRocketOutcome.Unknown
            : XRocketOutcome.Failed;
        return failure;
    }

    /// <summary>
    /// A refusal of the request's own content: malformed or invalid fields (Validation), a recipient, asset or
    /// network that does not exist (NotFound), an amount below the minimum. Every attempt of a call sends the
    /// same request under the same client id, so an earlier attempt whose answer was lost was refused the same
    /// way: nothing was created, and the row is Failed, not Unknown (issue 28). A refusal that depends on the
    /// moment (the balance, which an earlier attempt may have spent; a rate limit; a blocked user; a disabled
    /// operation; the token) proves nothing.
    /// </summary>
    internal static bool ProvesNothingCreated(XRocketException failure) =>
        failure is XRocketApiException { Problem: not null } or XRocketRowException { Problem: not null }
        && (failure.ProblemCode.Kind is XRocketProblemKind.Validation or XRocketProblemKind.NotFound
            || failure.Code is "amount_less_than_minimum" or "amount_less_than_min_deposit");

    /// <summary>What every unknown outcome says, on single and mass payouts, withdrawals, cheques and invoices.</summary>
    internal static string UnknownNote(string? clientId) =>
        $"The outcome is unknown: it may have been paid; re-run with the same client id ({clientId}) to reconcile, never with a new one.";
}
