namespace XRocketPay.Client;

/// <summary>
/// The unit in which the API reads an invoice's <c>expiresIn</c>. The contract, the saved live spec and most
/// clients say milliseconds; one public gateway states that production reads seconds (docs/api/README.md,
/// "Invoices as the live API reads them"). <see cref="Auto"/> sends milliseconds and checks every answer.
/// </summary>
public enum XRocketInvoiceExpiryUnit
{
    /// <summary>Milliseconds until an answer tells otherwise: each created invoice's <c>expiresAt</c> is compared with what was asked, and a ×1000 mismatch switches the connection to the server's unit.</summary>
    Auto,

    /// <summary>Always send milliseconds (a mismatch is still reported).</summary>
    Milliseconds,

    /// <summary>Always send seconds (a mismatch is still reported).</summary>
    Seconds,
}
