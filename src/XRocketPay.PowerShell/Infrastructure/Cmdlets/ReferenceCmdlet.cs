namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// A cmdlet that names one object by server id (set ById) or by client id (set ByClientId). Each resource
/// declares the pair once, under its own names, in a base in <c>Infrastructure/Cmdlets/References/</c>.
/// </summary>
public abstract partial class ReferenceCmdlet : XRocketCmdlet
{
    private protected abstract string? ServerId { get; }

    private protected abstract string? ClientId { get; }

    /// <summary>
    /// The object named by the bound parameter set; null (after writing a non-terminating error about the id)
    /// when the id is blank or too long, so a bad row never stops the pipeline (issue 14 item 6).
    /// </summary>
    private protected XRocketRef? ReadReference()
    {
        var byClientId = ParameterSetName == ParameterSets.ByClientId;
        var name = MyInvocation.BoundParameters.Keys.FirstOrDefault(k => k.EndsWith("Id", StringComparison.Ordinal) && k.StartsWith("Client", StringComparison.Ordinal) == byClientId) ?? (byClientId ? "ClientId" : "Id");
        if (InputRules.ObjectId(byClientId ? ClientId : ServerId, name, ReferenceTarget) is { } error)
        {
            WriteError(error);
            return null;
        }

        return ParameterSets.Reference(ServerId?.Trim(), ClientId?.Trim());
    }

    /// <summary>The TargetObject of this object's errors: the id as given.</summary>
    private protected string? ReferenceTarget => ServerId ?? ClientId;

    /// <summary>
    /// The List set's filters, checked before anything is sent: a -Status its resource does not know is a warning
    /// (statuses are extensible, SOURCES §4: the request is still sent); a -From later than -To is an error. False
    /// when nothing may be sent.
    /// </summary>
    private protected bool CheckListFilter(string? status, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        if (ParameterSetName != ParameterSets.List)
        {
            return true;
        }

        WarnIf(KnownStatuses.Warning(MyInvocation.MyCommand.Name, status, "Status"));
        return Report(InputRules.DateRange(from, to, BoundTarget()));
    }

    /// <summary>A Get cmdlet's body: the named object, or in the List set every object, streamed page by page.</summary>
    private protected void WriteOneOrList<T>(Func<XRocketClient, XRocketRef, CancellationToken, Task<T>> get, Func<XRocketClient, string?, CancellationToken, Task<XRocketPage<T>>> listPage)
    {
        if (ParameterSetName == ParameterSets.List)
        {
            Try(null, () => WriteList(listPage));
            return;
        }

        if (ReadReference() is not { } reference)
        {
            return;
        }

        Try(ReferenceTarget, () => WriteObject(Call((client, ct) => get(client, reference, ct))));
    }
}
