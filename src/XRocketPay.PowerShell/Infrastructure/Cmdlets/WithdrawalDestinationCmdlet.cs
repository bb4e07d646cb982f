namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>Where a withdrawal goes: the parameters Invoke-XRocketWithdrawal and New-XRocketWithdrawalLink share.</summary>
public abstract class WithdrawalDestinationCmdlet : XRocketCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(NetworkCompleter))]
    public string Network { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string Address { get; set; } = "";

    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [Alias("Currency")]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(AssetCompleter))]
    public string Asset { get; set; } = "";

    [Parameter(Mandatory = true, Position = 3, ValueFromPipelineByPropertyName = true)]
    [MoneyTransformation]
    public XRocketAmount? Amount { get; set; }

    /// <summary>Memo or tag; at most 50 characters.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Comment { get; set; }

    /// <summary>The destination, normalised; null (after writing the error about <paramref name="target"/>) when the amount is not usable.</summary>
    internal (string Network, string Address, string Asset, decimal Amount)? ReadDestination(object target)
    {
        // Network and asset from the currencies list (SOURCES §2, §5.4), comment ≤ 50 (SOURCES §5.22); the
        // address shape is left to the server (a rule we invented could block a real payout), only a blank one is refused.
        decimal? amount = null;
        var error = InputRules.Network(ReferenceConnection, Network, nameof(Network), target)
            ?? (Address.Trim().Length == 0 ? InputRules.Missing(nameof(Address), target) : null)
            ?? InputRules.Asset(ReferenceConnection, Asset, nameof(Asset), target)
            ?? InputRules.Amount(Amount, nameof(Amount), required: true, target, out amount)
            ?? InputRules.Text(Comment, nameof(Comment), InputRules.MaxComment, target);
        if (error is not null)
        {
            WriteError(error);
            return null;
        }

        return (Network.Trim().ToUpperInvariant(), Address.Trim(), Asset.Trim().ToUpperInvariant(), amount!.Value);
    }
}
