namespace XRocketPay.Client;

/// <summary>
/// Every path and query name of the API in one place. Much of the contract is reconstructed: when the
/// live API disagrees, correct it here and only here.
/// </summary>
internal static class Routes
{
    public const string Health = "health";
    public const string AppInfo = "api/v1/app-info";
    public const string Balances = "api/v1/balances";
    public const string Currencies = "api/v1/currencies";
    public const string Rates = "api/v1/rates";
    public const string Invoices = "api/v1/invoices";
    public const string Invoice = "api/v1/invoice";
    public const string InvoicePayments = "api/v1/invoice/payments";
    public const string InvoicePaymentAddress = "api/v1/invoices/payments/address";
    public const string InvoicePayTest = "api/v1/invoice/pay-test";
    public const string Cheques = "api/v1/cheques";
    public const string Cheque = "api/v1/cheque";
    public const string Withdrawals = "api/v1/withdrawals";
    public const string Withdrawal = "api/v1/withdrawal";
    public const string WithdrawalQuotas = "api/v1/withdrawal-quotas";
    public const string WithdrawalLink = "api/v1/withdrawal-link";

    public static class Query
    {
        public const string Kind = "kind";
        public const string Base = "base";
        public const string Assets = "assets";
        public const string Asset = "asset";
        public const string Fiat = "fiat";
        public const string Ids = "ids";
        public const string Status = "status";
        public const string State = "state";
        public const string Target = "target";
        public const string TargetType = "targetType";
        public const string FromDate = "fromDate";
        public const string ToDate = "toDate";
        public const string Network = "network";
        public const string Cursor = "cursor";
        public const string Limit = "limit";
        public const string InvoiceId = "invoiceId";
        public const string ClientInvoiceId = "clientInvoiceId";
        public const string ChequeId = "chequeId";
        public const string ClientChequeId = "clientChequeId";
        public const string WithdrawalId = "withdrawalId";
        public const string ClientWithdrawalId = "clientWithdrawalId";
    }

    /// <summary>
    /// The transfer family in each dialect (docs/api/README.md, SOURCES §5.18–5.21): paths, id query
    /// names, and the JSON keys the models are written with (the transfers names) as the wire spells them.
    /// </summary>
    public sealed class TransferFamily
    {
        public static readonly TransferFamily Transfers = new(XRocketApiDialect.Transfers, "transfers", "transfer", "mass-transfers", "transferId", "clientTransferId", "app_transfer_not_found");

        public static readonly TransferFamily Payouts = new(XRocketApiDialect.Payouts, "payouts", "payout", "mass-payouts", "payoutId", "clientPayoutId", "app_payout_not_found",
            (Fields.TransferId, "payoutId"), (Fields.ClientTransferId, "clientPayoutId"), (Fields.Transfers, "payouts"),
            (Fields.SuccessTransfers, "successPayouts"), (Fields.ErrorTransfers, "errorPayouts"));

        private TransferFamily(XRocketApiDialect dialect, string many, string one, string mass, string idQuery, string clientIdQuery, string notFoundCode, params (string Model, string Wire)[] renames)
        {
            Dialect = dialect;
            Many = "api/v1/" + many;
            One = "api/v1/" + one;
            Mass = "api/v1/" + mass;
            IdQuery = idQuery;
            ClientIdQuery = clientIdQuery;
            NotFoundCode = notFoundCode;
            ToWire = new WireNames(renames.ToDictionary(r => r.Model, r => r.Wire, StringComparer.Ordinal));
            FromWire = new WireNames(renames.ToDictionary(r => r.Wire, r => r.Model, StringComparer.Ordinal));
        }

        public XRocketApiDialect Dialect { get; }
        public string Many { get; }
        public string One { get; }
        public string Mass { get; }
        public string IdQuery { get; }
        public string ClientIdQuery { get; }

        /// <summary>What the single-item route answers for an unknown id (the payouts code is in the live list; the transfers one is ours).</summary>
        public string NotFoundCode { get; }

        public WireNames ToWire { get; }
        public WireNames FromWire { get; }

        public static TransferFamily Of(XRocketApiDialect dialect) =>
            dialect == XRocketApiDialect.Payouts ? Payouts : dialect == XRocketApiDialect.Transfers ? Transfers
            : throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "Resolve Auto first.");

        /// <summary>The dialect of a host we know: the official page's host speaks transfers, every xrocket.exchange host payouts.</summary>
        public static XRocketApiDialect ForHost(Uri baseUri) =>
            baseUri.Host.Equals(XRocketClientOptions.ProductionUri.Host, StringComparison.OrdinalIgnoreCase) ? XRocketApiDialect.Transfers
            : baseUri.Host.EndsWith(".xrocket.exchange", StringComparison.OrdinalIgnoreCase) ? XRocketApiDialect.Payouts
            : XRocketApiDialect.Auto;
    }
}
