namespace XRocketPay.PowerShell.Infrastructure;

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

    /// <summary>The destination, normalised; null (after writing the error about <paramref name="target"/>) when the amount is not usable.</summary>
    internal (string Network, string Address, string Asset, decimal Amount)? ReadDestination(object target)
    {
        if (AmountArgument.Check(Amount, nameof(Amount), required: true, target, out var amount) is { } error)
        {
            WriteError(error);
            return null;
        }

        return (Network.Trim().ToUpperInvariant(), Address.Trim(), Asset.Trim().ToUpperInvariant(), amount!.Value);
    }
}
