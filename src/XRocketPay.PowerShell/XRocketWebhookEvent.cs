namespace XRocketPay.PowerShell;

/// <summary>
/// A webhook delivery as ConvertFrom-XRocketWebhook gives it: the envelope's fields, and <see cref="Data"/>
/// typed per event type (an <see cref="XRocketInvoiceEvent"/>, a Cheque, a Transfer for <c>payout</c> and
/// <c>transfer</c> events, a Withdrawal) or, for a type this module does not know, a navigable object.
/// </summary>
public sealed class XRocketWebhookEvent
{
    internal XRocketWebhookEvent(XRocketWebhookEnvelope envelope)
    {
        Envelope = envelope;
        Data = envelope.Type switch
        {
            XRocketWebhookEventTypes.Invoice => new XRocketInvoiceEvent(envelope.Event, envelope.Invoice, envelope.Payment),
            XRocketWebhookEventTypes.Cheque => envelope.Cheque,
            XRocketWebhookEventTypes.Payout or XRocketWebhookEventTypes.Transfer => envelope.Transfer,
            XRocketWebhookEventTypes.Withdrawal => envelope.Withdrawal,
            _ => (object?)null,
        } ?? JsonObjects.ToPSObject(envelope.Data);
    }

    /// <summary>Stable across redeliveries: deduplicate on it.</summary>
    public string? Id => Envelope.Id;

    public DateTimeOffset? Timestamp =>
        DateTimeOffset.TryParse(Envelope.Timestamp, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    /// <summary>One of <see cref="XRocketWebhookEventTypes"/> (<c>invoice</c>, <c>cheque</c>, <c>payout</c> or <c>transfer</c>, <c>withdrawal</c>), or a type added later.</summary>
    public string? Type => Envelope.Type;

    /// <summary>What happened, when the event says (invoice events: <c>invoice_status_changed</c>).</summary>
    public string? Event => Envelope.Event;

    /// <summary>The event's data, typed per <see cref="Type"/>; a navigable object for unknown types.</summary>
    public object? Data { get; }

    public Invoice? Invoice => (Data as XRocketInvoiceEvent)?.Invoice;
    public InvoicePayment? Payment => (Data as XRocketInvoiceEvent)?.Payment;
    public Cheque? Cheque => Data as Cheque;
    public Transfer? Transfer => Data as Transfer;
    public Withdrawal? Withdrawal => Data as Withdrawal;

    /// <summary>
    /// The callback.payload the object was created with (-CallbackPayload), as a navigable object
    /// (<c>$event.CallbackPayload.orderId</c>); null when none came back.
    /// </summary>
    public object? CallbackPayload =>
        (Invoice?.Callback ?? Cheque?.Callback ?? Transfer?.Callback ?? Withdrawal?.Callback)?.Payload is { } payload ? JsonObjects.ToPSObject(payload) : null;

    /// <summary>The envelope as read by the core (its <c>Data</c> is the raw JSON element).</summary>
    public XRocketWebhookEnvelope Envelope { get; }

    public override string ToString() => $"{Type} {Event} {Id}".Replace("  ", " ").Trim();
}
