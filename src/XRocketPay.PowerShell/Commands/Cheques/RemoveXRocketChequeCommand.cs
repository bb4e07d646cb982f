namespace XRocketPay.PowerShell.Commands.Cheques;

/// <summary>Deletes an active cheque; its held funds return to the balance.</summary>
[Cmdlet(VerbsCommon.Remove, "XRocketCheque", DefaultParameterSetName = ParameterSets.ById, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
public sealed class RemoveXRocketChequeCommand : ChequeReferenceCmdlet
{
    protected override void ProcessRecord()
    {
        if (ReadReference() is not { } reference)
        {
            return;
        }

        if (Confirmed($"Cheque {reference}", "Delete the cheque (its held funds are released)"))
        {
            Try(ReferenceTarget, () => Call((client, ct) => client.DeleteChequeAsync(reference, ct)));
        }
    }
}
