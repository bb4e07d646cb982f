namespace XRocketPay.Client;

/// <summary>Names one object: by the server's id, or by your client id.</summary>
public readonly struct XRocketRef
{
    private XRocketRef(string? id, string? clientId)
    {
        Id = id;
        ClientId = clientId;
    }

    public string? Id { get; }
    public string? ClientId { get; }

    public static XRocketRef ById(string id) => new(Require(id, nameof(id)), null);

    public static XRocketRef ByClientId(string clientId) => new(null, Require(clientId, nameof(clientId)));

    public override string ToString() => Id is not null ? "id " + Id : "client id " + ClientId;

    private static string Require(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("An id is required.", name) : value;
}
