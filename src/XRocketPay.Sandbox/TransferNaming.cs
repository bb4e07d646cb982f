namespace XRocketPay.Sandbox;

/// <summary>
/// Every name of the transfer family, per dialect (SOURCES §5.18–5.21, §7.1): one place, so the
/// state and the endpoints never spell a dialect themselves.
/// </summary>
internal sealed record TransferNaming(
    SandboxDialect Dialect, string Collection, string Single, string Mass, string Id, string ClientId,
    string MassKey, string SuccessKey, string ErrorKey, string DuplicateCode, string NotFoundCode, string MissingIdCode)
{
    /// <summary>The official page (S1). Its codes are not on the live list: the nearest analogues are used (docs/api/README.md).</summary>
    public static readonly TransferNaming Transfers = new(
        SandboxDialect.Transfers, "transfers", "transfer", "mass-transfers", "transferId", "clientTransferId",
        "transfers", "successTransfers", "errorTransfers", "client_id_already_taken", "app_transfer_not_found", "missing_transfer_identifier");

    /// <summary>Every public v1 client and the saved live spec (S2, S3, S4).</summary>
    public static readonly TransferNaming Payouts = new(
        SandboxDialect.Payouts, "payouts", "payout", "mass-payouts", "payoutId", "clientPayoutId",
        "payouts", "successPayouts", "errorPayouts", "payout_client_id_duplicate", "app_payout_not_found", "missing_payout_identifier");

    /// <summary>The webhook type is <c>payout</c> in both: it is the only value any source shows (SOURCES §2, webhooks).</summary>
    public const string WebhookType = "payout";

    public static TransferNaming For(SandboxDialect dialect) => dialect == SandboxDialect.Payouts ? Payouts : Transfers;

    public string CollectionPath => "/api/v1/" + Collection;
    public string SinglePath => "/api/v1/" + Single;
    public string MassPath => "/api/v1/" + Mass;

    public Lookup Lookup => new(Single, Id, ClientId, MissingIdCode, NotFoundCode);
}

/// <summary>How a resource is looked up by id or client id, and the codes it answers when it cannot be.</summary>
internal sealed record Lookup(string Kind, string IdName, string ClientIdName, string MissingCode, string NotFoundCode)
{
    public static readonly Lookup Cheque = new("cheque", "chequeId", "clientChequeId", "missing_cheque_identifier", "app_cheque_not_found");
    public static readonly Lookup Invoice = new("invoice", "invoiceId", "clientInvoiceId", "missing_invoice_identifier", "invoice_not_found");

    /// <summary>The live list has no missing_withdrawal_identifier (SOURCES §3): a missing id is a validation_error.</summary>
    public static readonly Lookup Withdrawal = new("withdrawal", "withdrawalId", "clientWithdrawalId", "validation_error", "app_withdrawal_not_found");
}
