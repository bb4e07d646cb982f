namespace XRocketPay.Client;

/// <summary>
/// The client id already exists with different data: the earlier operation is not the one asked for now.
/// Nothing was sent twice; fix the id or the data.
/// </summary>
public sealed class XRocketConflictException : XRocketException
{
    public XRocketConflictException(string clientId, IReadOnlyList<string> differingFields, object existing)
        : this(clientId, differingFields, existing, $"Client id '{clientId}' is already used by an operation with a different {string.Join(", ", differingFields)}. Nothing new was sent; use another client id or the same data.")
    {
    }

    internal XRocketConflictException(string clientId, IReadOnlyList<string> differingFields, object existing, string message)
        : base(message)
    {
        ClientId = clientId;
        DifferingFields = differingFields;
        Existing = existing;
    }

    public IReadOnlyList<string> DifferingFields { get; }

    /// <summary>The operation that holds the client id.</summary>
    public object Existing { get; }

    public override string Code => XRocketProblemCodes.ClientIdConflict;
}
