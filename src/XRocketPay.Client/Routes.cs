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

    /// <summary>The problem <c>type</c> codes the client branches on (the last segment of <c>type</c>).</summary>
    public static class ProblemCodes
    {
        public const string ClientIdAlreadyTaken = "client_id_already_taken";
    }
}

/// <summary>Every JSON field name of requests and responses.</summary>
internal static class Fields
{
    public const string Id = "id";
    public const string Name = "name";
    public const string Status = "status";
    public const string Info = "info";
    public const string Error = "error";
    public const string Details = "details";
    public const string Message = "message";
    public const string Balances = "balances";
    public const string Asset = "asset";
    public const string Balance = "balance";
    public const string Available = "available";
    public const string Holds = "holds";
    public const string Code = "code";
    public const string Title = "title";
    public const string Kind = "kind";
    public const string Networks = "networks";
    public const string Currency = "currency";
    public const string Rate = "rate";
    public const string Items = "items";
    public const string Pagination = "pagination";
    public const string Total = "total";
    public const string Next = "next";
    public const string CallbackUrl = "callbackUrl";
    public const string Payload = "payload";
    public const string SuccessUrl = "successUrl";
    public const string CancelUrl = "cancelUrl";
    public const string TelegramBotLink = "telegramBotLink";
    public const string TelegramMiniAppLink = "telegramMiniAppLink";
    public const string WebLink = "webLink";
    public const string Email = "email";
    public const string TelegramId = "telegramId";
    public const string TelegramUsername = "telegramUsername";
    public const string PriceCurrency = "priceCurrency";
    public const string PriceAmount = "priceAmount";
    public const string MinPayment = "minPayment";
    public const string NumPayments = "numPayments";
    public const string PayoutCurrency = "payoutCurrency";
    public const string PayCurrencies = "payCurrencies";
    public const string ClientInvoiceId = "clientInvoiceId";
    public const string Description = "description";
    public const string ExpiresIn = "expiresIn";
    public const string ExpiresAt = "expiresAt";
    public const string CreatedAt = "createdAt";
    public const string FinalizedAt = "finalizedAt";
    public const string Callback = "callback";
    public const string Url = "url";
    public const string Customer = "customer";
    public const string Links = "links";
    public const string IsFeePaidByUser = "isFeePaidByUser";
    public const string Data = "data";
    public const string PlatformId = "platformId";
    public const string Platform = "platform";
    public const string PayAmount = "payAmount";
    public const string PayCurrency = "payCurrency";
    public const string ReceiveAmount = "receiveAmount";
    public const string ReceiveCurrency = "receiveCurrency";
    public const string Transactions = "transactions";
    public const string Comment = "comment";
    public const string Payer = "payer";
    public const string Type = "type";
    public const string Tx = "tx";
    public const string Network = "network";
    public const string TxHash = "txHash";
    public const string TxLink = "txLink";
    public const string Amount = "amount";
    public const string PayNetwork = "payNetwork";
    public const string Address = "address";
    public const string MinAmount = "minAmount";
    public const string ChequeId = "chequeId";
    public const string ClientChequeId = "clientChequeId";
    public const string Password = "password";
    public const string TargetType = "targetType";
    public const string Target = "target";
    public const string State = "state";
    public const string Deleted = "deleted";
    public const string TransferId = "transferId";
    public const string ClientTransferId = "clientTransferId";
    public const string Transfers = "transfers";
    public const string SuccessTransfers = "successTransfers";
    public const string ErrorTransfers = "errorTransfers";
    public const string Reason = "reason";
    public const string WithdrawalId = "withdrawalId";
    public const string ClientWithdrawalId = "clientWithdrawalId";
    public const string WithdrawMinSize = "withdrawMinSize";
    public const string WithdrawFee = "withdrawFee";
    public const string WithdrawFeeAsset = "withdrawFeeAsset";
    public const string Precision = "precision";
    public const string Detail = "detail";
    public const string Instance = "instance";
    public const string Timestamp = "timestamp";
    public const string Event = "event";
    public const string Invoice = "invoice";
    public const string Payment = "payment";
}
