using System.Net;
using System.Security;

namespace XRocketPay.PowerShell.Commands.Webhooks;

/// <summary>
/// Listens on an HttpListener prefix and writes each verified webhook delivery once, as the event
/// ConvertFrom-XRocketWebhook returns. Refused deliveries (401) are InvalidWebhookSignature errors about
/// the request. Listening changes nothing at the API, so there is no -WhatIf: it only opens a local port,
/// which is always released (after -Count events, at -TimeoutSec, on Ctrl+C, or when the pipeline stops).
/// </summary>
[Cmdlet(VerbsCommunications.Receive, "XRocketWebhook")]
[OutputType(typeof(XRocketWebhookEvent))]
public sealed class ReceiveXRocketWebhookCommand : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private XRocketWebhookReceiver? _receiver;

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Prefix { get; set; } = "";

    [Parameter(Mandatory = true)]
    public SecureString? Secret { get; set; }

    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int Count { get; set; }

    /// <summary>At most about 23 days (a cancellation timer's limit); leave it out to listen until Ctrl+C.</summary>
    [Parameter]
    [ValidateRange(1, 2_000_000)]
    public int TimeoutSec { get; set; }

    [Parameter]
    [ValidateRange(1, 86_400)]
    public int ToleranceSec { get; set; } = 300;

    protected override void EndProcessing()
    {
        var secret = SecureStrings.ToPlainText(Secret!);
        if (secret.Length == 0)
        {
            ThrowTerminatingError(ErrorRecords.Input(ModuleErrorIds.MissingParameter, "-Secret is empty: give your app's Webhook Token (the sandbox's is sandbox-webhook-secret).", Prefix));
        }

        try
        {
            _receiver = new XRocketWebhookReceiver(Prefix, secret, TimeSpan.FromSeconds(ToleranceSec));
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(ErrorRecords.Input(ModuleErrorIds.InvalidParameter,
                $"-Prefix '{Prefix}' is not an HttpListener prefix ({ex.Message}); give one such as http://127.0.0.1:8080/xrocket/.", Prefix));
        }
        catch (Exception ex) when (ex is HttpListenerException or PlatformNotSupportedException)
        {
            ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(
                $"Cannot listen on '{Prefix}': {ex.Message} The port may be in use; on Windows a prefix other than http://localhost or http://127.0.0.1 needs a URL reservation (netsh http add urlacl url={Prefix} user=DOMAIN\\user) or an elevated session. See Get-Help Receive-XRocketWebhook.", ex),
                ModuleErrorIds.WebhookListenerFailed, ErrorCategory.ResourceUnavailable, Prefix));
        }

        try
        {
            Listen(_receiver!);
        }
        finally
        {
            _receiver!.Dispose();
        }
    }

    private void Listen(XRocketWebhookReceiver receiver)
    {
        using var timeout = TimeoutSec > 0 ? new CancellationTokenSource(TimeSpan.FromSeconds(TimeoutSec)) : new CancellationTokenSource();
        using var either = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, timeout.Token);
        var written = 0;
        WriteVerbose($"Listening for webhook deliveries on {receiver.Prefix}" + (Count > 0 ? $" until {Count} event(s)" : "") + (TimeoutSec > 0 ? $", for at most {TimeoutSec} s." : "; Ctrl+C stops."));
        while (Count == 0 || written < Count)
        {
            XRocketWebhookDelivery delivery;
            try
            {
                delivery = Task.Run(() => receiver.ReceiveAsync(either.Token)).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (OperationCanceledException)
            {
                if (Count > 0)
                {
                    WriteError(new ErrorRecord(new TimeoutException($"Received {written} of {Count} webhook event(s) on {receiver.Prefix} in {TimeoutSec} s."),
                        ModuleErrorIds.WaitTimeout, ErrorCategory.OperationTimeout, receiver.Prefix));
                }

                return;
            }

            if (Write(delivery))
            {
                written++;
            }
        }
    }

    /// <summary>Writes what one answered request means; true when it was a new event.</summary>
    private bool Write(XRocketWebhookDelivery delivery)
    {
        if (!delivery.Verification.IsValid)
        {
            WriteError(new ErrorRecord(new SecurityException($"Refused a webhook delivery from {delivery.RemoteAddress} with 401: {delivery.Verification.Message}"),
                ModuleErrorIds.InvalidWebhookSignature, ErrorCategory.SecurityError, delivery));
            return false;
        }

        if (delivery.Envelope is null)
        {
            WriteError(new ErrorRecord(new FormatException(delivery.EnvelopeError), ModuleErrorIds.InvalidWebhookBody, ErrorCategory.InvalidData, delivery));
            return false;
        }

        if (delivery.IsRepeat)
        {
            WriteVerbose($"Dropped a repeated delivery of event {delivery.Envelope.Id} (answered 200).");
            return false;
        }

        WriteObject(new XRocketWebhookEvent(delivery.Envelope));
        return true;
    }

    protected override void StopProcessing() => _stopping.Cancel();

    public void Dispose()
    {
        _receiver?.Dispose();
        _stopping.Dispose();
    }
}
