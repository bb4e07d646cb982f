namespace XRocketPay.PowerShell.Commands.Cheques;

/// <summary>Changes a cheque's description (an empty string clears it).</summary>
[Cmdlet(VerbsCommon.Set, "XRocketCheque", DefaultParameterSetName = ParameterSets.ById, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Cheque))]
public sealed class SetXRocketChequeCommand : ChequeReferenceCmdlet
{
    [Parameter(Mandatory = true)]
    [AllowEmptyString]
    public string Description { get; set; } = "";

    protected override void ProcessRecord()
    {
        if (ReadReference() is not { } reference)
        {
            return;
        }

        // SOURCES §5.13: description ≤ 1000.
        if (Report(InputRules.Text(Description, nameof(Description), InputRules.MaxDescription, ReferenceTarget)) && Confirmed($"Cheque {reference}", "Set the description"))
        {
            Try(ReferenceTarget, () => WriteObject(Call((client, ct) => client.UpdateChequeAsync(reference, Description, ct))));
        }
    }
}
