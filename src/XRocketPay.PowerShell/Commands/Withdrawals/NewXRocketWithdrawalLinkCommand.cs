namespace XRocketPay.PowerShell.Commands.Withdrawals;

/// <summary>Creates a link the recipient opens to confirm a withdrawal; nothing moves until they do.</summary>
[Cmdlet(VerbsCommon.New, "XRocketWithdrawalLink", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Links))]
public sealed class NewXRocketWithdrawalLinkCommand : WithdrawalDestinationCmdlet
{
    protected override void ProcessRecord()
    {
        var target = BoundTarget();
        if (ReadDestination(target) is not var (network, address, asset, amount) ||
            !Confirmed($"{network} address {address}", $"Create a withdrawal link for {XRocketMoney.Format(amount)} {asset}"))
        {
            return;
        }

        var request = new CreateWithdrawalLinkRequest { Network = network, Address = address, Asset = asset, Amount = amount, Comment = Comment };
        Try(target, () => WriteObject(Call((client, ct) => client.CreateWithdrawalLinkAsync(request, ct))));
    }
}
