using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Security;
using XRocketPay.Client;
using XRocketPay.PowerShell.Infrastructure;

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
    public IDictionary Headers { get; set; } = new Hashtable();

    [Parameter(Mandatory = true)]
    public SecureString? Secret { get; set; }

    [Parameter]
    [ValidateRange(1, 86_400)]
    public int ToleranceSec { get; set; } = 300;

    protected override void ProcessRecord()
    {
        var result = Webhooks.Verify(Body, Headers, Secret!, ToleranceSec);
        WriteVerbose(result.Message);
        WriteObject(result.IsValid);
    }
}

/// <summary>Reads a webhook delivery into a typed event; verifies it first when -Secret is given.</summary>
[Cmdlet(VerbsData.ConvertFrom, "XRocketWebhook")]
[OutputType(typeof(XRocketWebhookEnvelope))]
public sealed class ConvertFromXRocketWebhookCommand : PSCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public string Body { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
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
            var result = Webhooks.Verify(Body, Headers ?? new Hashtable(), Secret, ToleranceSec);
            if (!result.IsValid)
            {
                WriteError(new ErrorRecord(new SecurityException(result.Message), "InvalidWebhookSignature", ErrorCategory.SecurityError, Body));
                return;
            }
        }

        try
        {
            WriteObject(XRocketWebhook.Parse(Body));
        }
        catch (FormatException ex)
        {
            WriteError(new ErrorRecord(ex, "InvalidWebhookBody", ErrorCategory.InvalidData, Body));
        }
    }
}

internal static class Webhooks
{
    internal static XRocketWebhookVerification Verify(string body, IDictionary headers, SecureString secret, int toleranceSec)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in headers)
        {
            var value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
            map[entry.Key?.ToString() ?? ""] = value is IEnumerable many and not string ? string.Join(",", many.Cast<object>()) : value?.ToString() ?? "";
        }

        return XRocketWebhook.Verify(body, map, new NetworkCredential("", secret).Password, TimeSpan.FromSeconds(toleranceSec));
    }
}
