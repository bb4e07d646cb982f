namespace XRocketPay.Client;

/// <summary>The result of a create call that went through: the object, the client id used, and who created it.</summary>
public sealed class XRocketCreateResult<T>
{
    internal XRocketCreateResult(T value, string clientId, XRocketOutcome outcome)
    {
        Value = value;
        ClientId = clientId;
        Outcome = outcome;
    }

    public T Value { get; }
    public string ClientId { get; }

    /// <summary>
    /// <see cref="XRocketOutcome.Sent"/> when this call created it (even across retries);
    /// <see cref="XRocketOutcome.AlreadyDone"/> when earlier work did (the first attempt of this call found the
    /// client id taken by an operation with the same data). A create that did not go through throws an
    /// <see cref="XRocketException"/> whose <see cref="XRocketException.Outcome"/> is Failed or Unknown.
    /// </summary>
    public XRocketOutcome Outcome { get; }

    /// <summary>What the caller should be told about the created object (for an invoice: an expiry the server read in another unit).</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    private readonly List<string> _warnings = new();

    internal void Warn(string warning) => _warnings.Add(warning);
    /// <summary>The client id was found taken and not yet compared (<see cref="Value"/> is null): the payout engine verifies such rows in groups.</summary>
    internal bool Unverified { get; init; }
}
