using System.IO;
using System.Net.Sockets;
using System.Security;

namespace XRocketPay.PowerShell.Commands.Webhooks;

/// <summary>
/// Listens on an http:// prefix and writes each verified webhook delivery once, as the event
/// ConvertFrom-XRocketWebhook returns; a delivery is answered 200 only once its event is written (or, with
/// -Spool, durably spooled), and every one not handed on when the cmdlet stops is answered 503. Refused
/// deliveries are InvalidWebhookSignature (401) or InvalidWebhookBody (400) errors about the request.
/// Listening changes nothing at the API, so there is no -WhatIf: it only opens a local port, which is always
/// released (after -Count events, at -TimeoutSec, on Ctrl+C, or when the pipeline stops).
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

    /// <summary>A folder where each verified delivery is written before it is answered 200, and the envelope ids handed on are kept (7 days).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Spool { get; set; }

    protected override void EndProcessing()
    {
        var secret = SecureStrings.ToPlainText(Secret!);
        if (secret.Length == 0)
        {
            ThrowTerminatingError(ErrorRecords.Input(ModuleErrorIds.MissingParameter, "-Secret is empty: give your app's Webhook Token (the sandbox's is sandbox-webhook-secret).", Prefix));
        }

        var spool = Spool is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Spool);
        try
        {
            _receiver = new XRocketWebhookReceiver(Prefix, secret, TimeSpan.FromSeconds(ToleranceSec), spool);
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(ErrorRecords.Input(ModuleErrorIds.InvalidParameter,
                $"-Prefix '{Prefix}' is not a listener prefix ({ex.Message}); give one such as http://127.0.0.1:8080/xrocket/.", Prefix));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(ErrorRecords.Input(ModuleErrorIds.InvalidParameter, $"-Spool '{Spool}' is not a folder this session can write: {ex.Message}", Spool));
        }
        catch (SocketException ex)
        {
            ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(
                $"Cannot listen on '{Prefix}': {ex.Message} The port may be in use, or (below 1024) need privileges. See Get-Help Receive-XRocketWebhook.", ex),
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

            if (Write(receiver, delivery))
            {
                written++;
            }
        }
    }

    /// <summary>Writes what one delivery means, and marks a new event handed on once written; true when it was one.</summary>
    private bool Write(XRocketWebhookReceiver receiver, XRocketWebhookDelivery delivery)
    {
        if (!delivery.Verification.IsValid)
        {
            WriteError(new ErrorRecord(new SecurityException($"Refused a webhook delivery from {delivery.RemoteAddress} with {delivery.AnsweredStatus}: {delivery.Verification.Message}"),
                ModuleErrorIds.InvalidWebhookSignature, ErrorCategory.SecurityError, delivery));
            return false;
        }

        if (delivery.Envelope is null)
        {
            WriteError(new ErrorRecord(new FormatException($"Refused a signed webhook delivery from {delivery.RemoteAddress} with 400: {delivery.EnvelopeError}"),
                ModuleErrorIds.InvalidWebhookBody, ErrorCategory.InvalidData, delivery));
            return false;
        }

        if (delivery.IsRepeat)
        {
            WriteVerbose($"Dropped a repeated delivery of event {delivery.Envelope.Id} (answered 200).");
            return false;
        }

        try
        {
            WriteObject(new XRocketWebhookEvent(delivery.Envelope));
        }
        catch (PipelineStoppedException) when (!Stopping)
        {
            // Not Ctrl+C: a later command (Select-Object -First) took this event, then stopped the pipeline.
            receiver.HandedOn(delivery);
            throw;
        }

        receiver.HandedOn(delivery);
        return true;
    }

    protected override void StopProcessing() => _stopping.Cancel();

    public void Dispose()
    {
        _receiver?.Dispose();
        _stopping.Dispose();
    }
}
