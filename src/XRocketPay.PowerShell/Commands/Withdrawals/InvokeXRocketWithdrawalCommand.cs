namespace XRocketPay.PowerShell.Commands.Withdrawals;

/// <summary>Withdraws to a blockchain address. Irreversible: ConfirmImpact High.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "XRocketWithdrawal", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(Withdrawal))]
public sealed class InvokeXRocketWithdrawalCommand : WithdrawalDestinationCmdlet
{
    /// <summary>Your id (at most 50 characters): a re-run with the same id never withdraws twice.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string? ClientWithdrawalId { get; set; }

    [Parameter]
    public string? CallbackUrl { get; set; }

    /// <summary>A hashtable or object (or its JSON text) sent as callback.payload and echoed in webhooks; at most 4 KB as JSON.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    public object? CallbackPayload { get; set; }

    protected override void ProcessRecord()
    {
        var (clientId, target) = CreateTarget(ClientWithdrawalId, nameof(ClientWithdrawalId));
        Callback? callback = null;
        // A blank or long id is refused, never replaced (SOURCES §5.22: clientWithdrawalId ≤ 50).
        if (!Report(InputRules.ClientId(ClientWithdrawalId, nameof(ClientWithdrawalId), target) ?? InputRules.Callback(CallbackUrl, CallbackPayload, target, out callback)) ||
            ReadDestination(target) is not var (network, address, asset, amount) ||
            !Confirmed($"{network} address {address}", $"Withdraw {XRocketMoney.Format(amount)} {asset} (client id {clientId})"))
        {
            return;
        }

        var request = new CreateWithdrawalRequest
        {
            ClientWithdrawalId = clientId,
            Network = network,
            Address = address,
            Asset = asset,
            Amount = amount,
            Comment = Comment,
            Callback = callback,
        };
        WriteCreated(target, "Withdrawal", clientId, ", nothing was sent again", (client, ct) => client.CreateWithdrawalAsync(request, ct));
    }
}
