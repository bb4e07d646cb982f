using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using XRocketPay.Client;
using XRocketPay.Client.Models;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// A Get cmdlet with three parameter sets: by server id, by client id, or a list streamed page by page.
/// The concrete cmdlet declares its parameters (their names differ per object) and says how to fetch.
/// </summary>
public abstract class GetOrListCmdlet<T> : XRocketCmdlet
{
    protected abstract string? ServerId { get; }

    protected abstract string? ClientId { get; }

    protected abstract ListFilter Filter();

    protected abstract Task<T> GetAsync(XRocketClient client, XRocketRef reference, CancellationToken cancellationToken);

    protected abstract Task<XRocketPage<T>> ListPageAsync(XRocketClient client, ListFilter filter, string? cursor, CancellationToken cancellationToken);

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ParameterSets.List)
        {
            var filter = Filter();
            Try(null, () => WriteList((client, cursor, ct) => ListPageAsync(client, filter, cursor, ct)));
            return;
        }

        var reference = ParameterSets.Reference(ServerId, ClientId);
        Try(ServerId ?? ClientId, () => WriteObject(Call((client, ct) => GetAsync(client, reference, ct))));
    }
}

/// <summary>Where a withdrawal goes: the parameters Invoke-XRocketWithdrawal and New-XRocketWithdrawalLink share.</summary>
public abstract class WithdrawalDestinationCmdlet : XRocketCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(NetworkCompleter))]
    public string Network { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    public string Address { get; set; } = "";

    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [Alias("Currency")]
    [ArgumentCompleter(typeof(AssetCompleter))]
    public string Asset { get; set; } = "";

    [Parameter(Mandatory = true, Position = 3, ValueFromPipelineByPropertyName = true)]
    [MoneyTransformation]
    public AmountArgument? Amount { get; set; }

    /// <summary>Memo or tag; at most 50 characters.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Comment { get; set; }

    /// <summary>The destination, normalised; null (after writing the error) when the amount is not usable.</summary>
    internal (string Network, string Address, string Asset, decimal Amount)? ReadDestination(object target) =>
        this.TryRead(Amount, nameof(Amount), required: true, target, out var amount)
            ? (Network.Trim().ToUpperInvariant(), Address.Trim(), Asset.Trim().ToUpperInvariant(), amount!.Value)
            : null;
}
