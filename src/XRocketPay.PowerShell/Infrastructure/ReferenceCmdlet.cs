namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// A cmdlet that names one object by server id (set ById) or by client id (set ByClientId). Each resource
/// declares the pair once, under its own names, in a base in <c>Infrastructure/References/</c>.
/// </summary>
public abstract class ReferenceCmdlet : XRocketCmdlet
{
    private protected abstract string? ServerId { get; }

    private protected abstract string? ClientId { get; }

    /// <summary>The object named by the bound parameter set.</summary>
    private protected XRocketRef Reference => ParameterSets.Reference(ServerId, ClientId);

    /// <summary>The TargetObject of this object's errors: the id as given.</summary>
    private protected string? ReferenceTarget => ServerId ?? ClientId;

    /// <summary>A Get cmdlet's body: the named object, or in the List set every object, streamed page by page.</summary>
    private protected void WriteOneOrList<T>(Func<XRocketClient, XRocketRef, CancellationToken, Task<T>> get, Func<XRocketClient, string?, CancellationToken, Task<XRocketPage<T>>> listPage)
    {
        if (ParameterSetName == ParameterSets.List)
        {
            Try(null, () => WriteList(listPage));
            return;
        }

        var reference = Reference;
        Try(ReferenceTarget, () => WriteObject(Call((client, ct) => get(client, reference, ct))));
    }
}
