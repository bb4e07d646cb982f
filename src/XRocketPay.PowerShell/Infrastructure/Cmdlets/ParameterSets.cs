namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>The parameter set names every cmdlet uses, and the object a ById/ByClientId pair names.</summary>
internal static class ParameterSets
{
    public const string List = "List";
    public const string ById = "ById";
    public const string ByClientId = "ByClientId";

    /// <summary>The object named by whichever of the two parameter sets was used.</summary>
    public static XRocketRef Reference(string? id, string? clientId) =>
        id is { Length: > 0 } ? XRocketRef.ById(id) : XRocketRef.ByClientId(clientId ?? "");
}
