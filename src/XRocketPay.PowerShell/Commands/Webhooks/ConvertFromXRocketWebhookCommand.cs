using System.Collections;
using System.Security;

namespace XRocketPay.PowerShell.Commands.Webhooks;

/// <summary>Reads a webhook delivery into an event whose Data is typed per event type; verifies it first when -Secret is given.</summary>
[Cmdlet(VerbsData.ConvertFrom, "XRocketWebhook")]
[OutputType(typeof(XRocketWebhookEvent))]
public sealed class ConvertFromXRocketWebhookCommand : PSCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public string Body { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [WebhookHeadersTransformation]
    public IDictionary? Headers { get; set; }

    [Parameter]
    public SecureString? Secret { get; set; }

    [Parameter]
    [ValidateRange(1, 86_400)]
    public int ToleranceSec { get; set; } = 300;

    protected override void ProcessRecord()
    {
        if (Secret is not null)
        {
            var result = WebhookVerifier.Verify(Body, Headers ?? new Hashtable(), Secret, ToleranceSec);
            if (!result.IsValid)
            {
                WriteError(new ErrorRecord(new SecurityException(result.Message), ModuleErrorIds.InvalidWebhookSignature, ErrorCategory.SecurityError, Body));
                return;
            }
        }

        try
        {
            WriteObject(new XRocketWebhookEvent(XRocketWebhook.Parse(Body)));
        }
        catch (FormatException ex)
        {
            WriteError(new ErrorRecord(ex, ModuleErrorIds.InvalidWebhookBody, ErrorCategory.InvalidData, Body));
        }
    }
}
