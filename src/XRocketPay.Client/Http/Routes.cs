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
    public const string Transfers = "api/v1/transfers";
    public const string Transfer = "api/v1/transfer";
    public const string MassTransfers = "api/v1/mass-transfers";
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
        public const string TransferId = "transferId";
        public const string ClientTransferId = "clientTransferId";
        public const string WithdrawalId = "withdrawalId";
        public const string ClientWithdrawalId = "clientWithdrawalId";
    }
}
