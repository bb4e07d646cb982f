using System.Collections;
using System.Security;

namespace XRocketPay.PowerShell.Commands.Webhooks;

/// <summary>Checks a webhook delivery's signature against its raw body (offline: no connection needed).</summary>
[Cmdlet(VerbsDiagnostic.Test, "XRocketWebhookSignature")]
[OutputType(typeof(bool))]
public sealed class TestXRocketWebhookSignatureCommand : PSCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string Body { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [WebhookHeadersTransformation]
    public IDictionary Headers { get; set; } = new Hashtable();

    [Parameter(Mandatory = true)]
    public SecureString? Secret { get; set; }

    [Parameter]
    [ValidateRange(1, 86_400)]
    public int ToleranceSec { get; set; } = 300;

    protected override void ProcessRecord()
    {
        var result = WebhookVerifier.Verify(Body, Headers, Secret!, ToleranceSec);
        WriteVerbose(result.Message);
        WriteObject(result.IsValid);
    }
}
