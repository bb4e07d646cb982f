using System.Text.Json;

namespace XRocketPay.Sandbox;

// The sandbox's stored objects. Plain mutable classes: they are serialized as-is into the state file.

internal sealed class LedgerRow
{
    public string Asset { get; set; } = "";
    public decimal Start { get; set; }
    public decimal Credits { get; set; }
    public decimal Debits { get; set; }
    public decimal Holds { get; set; }
    public decimal Balance => Start + Credits - Debits;
    public decimal Available => Balance - Holds;

    public object ToJson() => new
    {
        asset = Asset, start = Money.Format(Start), credits = Money.Format(Credits), debits = Money.Format(Debits),
        balance = Money.Format(Balance), holds = Money.Format(Holds), available = Money.Format(Available),
    };
}

internal interface IListed
{
    long Seq { get; }
    DateTimeOffset CreatedAt { get; }
}

internal sealed class TransferRecord : IListed
{
    public long Seq { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string TransferId { get; set; } = "";
    public string ClientTransferId { get; set; } = "";
    public string Target { get; set; } = "";
    public string TargetType { get; set; } = "";
    public string Asset { get; set; } = "";
    public decimal Amount { get; set; }
    public string? Description { get; set; }
    public JsonElement? Callback { get; set; }

    public object ToJson() => new
    {
        transferId = TransferId, clientTransferId = ClientTransferId, target = Target, targetType = TargetType,
        asset = Asset, amount = Money.Format(Amount), description = Description, status = "completed", callback = Callback,
    };
}

internal sealed class ChequeRecord : IListed
{
    public long Seq { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string ChequeId { get; set; } = "";
    public string ClientChequeId { get; set; } = "";
    public string Asset { get; set; } = "";
    public decimal Amount { get; set; }
    public string? Description { get; set; }
    public string? Password { get; set; }
    public string? TargetType { get; set; }
    public string? Target { get; set; }
    public string State { get; set; } = ChequeStates.Active;
    public bool Deleted { get; set; }
    public JsonElement? Callback { get; set; }
    public JsonElement? Url { get; set; }

    // The password is the recipient's secret: the API never echoes it back.
    public object ToJson() => new
    {
        chequeId = ChequeId, clientChequeId = ClientChequeId, asset = Asset, amount = Money.Format(Amount),
        description = Description, targetType = TargetType, target = Target,
        links = Links.For("chq", ChequeId), state = State, deleted = Deleted, callback = Callback, url = Url,
    };
}

internal static class ChequeStates
{
    public const string Active = "active";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
}

internal sealed class InvoicePaymentRecord
{
    public string Id { get; set; } = "";
    public string Status { get; set; } = "paid";
    public DateTimeOffset FinalizedAt { get; set; }
    public decimal PayAmount { get; set; }
    public string PayCurrency { get; set; } = "";
    public decimal ReceiveAmount { get; set; }
    public string ReceiveCurrency { get; set; } = "";

    public object ToJson() => new
    {
        id = Id, status = Status, finalizedAt = FinalizedAt, payAmount = Money.Format(PayAmount), payCurrency = PayCurrency,
        receiveAmount = Money.Format(ReceiveAmount), receiveCurrency = ReceiveCurrency,
        transactions = new[]
        {
            new
            {
                id = Id + "-1", status = Status, payAmount = Money.Format(PayAmount), payCurrency = PayCurrency,
                receiveAmount = Money.Format(ReceiveAmount), receiveCurrency = ReceiveCurrency, createdAt = FinalizedAt,
                finalizedAt = FinalizedAt, type = "internal",
            },
        },
    };
}

internal sealed class InvoiceRecord : IListed
{
    public long Seq { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string Id { get; set; } = "";
    public string? ClientInvoiceId { get; set; }
    public decimal? PriceAmount { get; set; }
    public decimal? MinPayment { get; set; }
    public string PriceCurrency { get; set; } = "";
    public string? PayoutCurrency { get; set; }
    public List<string> PayCurrencies { get; set; } = new();
    public int NumPayments { get; set; } = 1;
    public string? Description { get; set; }
    public long? ExpiresIn { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public string Status { get; set; } = InvoiceStates.Active;
    public JsonElement? Callback { get; set; }
    public JsonElement? Url { get; set; }
    public JsonElement? Customer { get; set; }
    public JsonElement? Data { get; set; }
    public List<InvoicePaymentRecord> Payments { get; set; } = new();

    public object ToJson() => new
    {
        id = Id, priceAmount = PriceAmount is { } p ? Money.Format(p) : null, minPayment = MinPayment is { } m ? Money.Format(m) : null,
        priceCurrency = PriceCurrency, payCurrencies = PayCurrencies, clientInvoiceId = ClientInvoiceId, description = Description,
        expiresIn = ExpiresIn, createdAt = CreatedAt, expiresAt = ExpiresAt, status = Status, numPayments = NumPayments,
        callback = Callback, url = Url, customer = Customer, links = Links.For("inv", Id),
    };
}

internal static class InvoiceStates
{
    public const string Active = "active";
    public const string Paid = "paid";
    public const string Expired = "expired";
}

internal sealed class WithdrawalRecord : IListed
{
    public long Seq { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string WithdrawalId { get; set; } = "";
    public string ClientWithdrawalId { get; set; } = "";
    public string Network { get; set; } = "";
    public string Address { get; set; } = "";
    public string Asset { get; set; } = "";
    public decimal Amount { get; set; }
    public decimal Fee { get; set; }
    public string FeeAsset { get; set; } = "";
    public string Status { get; set; } = WithdrawalStates.Created;
    public string? Comment { get; set; }
    public string? TxHash { get; set; }
    public string? TxLink { get; set; }
    public JsonElement? Callback { get; set; }

    public object ToJson() => new
    {
        withdrawalId = WithdrawalId, clientWithdrawalId = ClientWithdrawalId, network = Network, address = Address,
        asset = Asset, amount = Money.Format(Amount), status = Status, comment = Comment, txHash = TxHash, txLink = TxLink,
        callback = Callback,
    };
}

internal static class WithdrawalStates
{
    public const string Created = "CREATED";
    public const string Completed = "COMPLETED";
    public const string Fail = "FAIL";
}

internal static class Links
{
    public static object For(string prefix, string id) => new
    {
        telegramBotLink = $"https://t.me/xrocket?start={prefix}_{id}",
        telegramMiniAppLink = $"https://t.me/xrocket/app?startapp={prefix}_{id}",
        webLink = $"https://pay.xrocket.tg/{prefix}/{id}",
    };
}

/// <summary>Everything the state file holds.</summary>
internal sealed class StateData
{
    public long NextId { get; set; } = 100_000_001;
    public long NextSeq { get; set; } = 1;
    public Dictionary<string, LedgerRow> Ledger { get; set; } = new(StringComparer.Ordinal);
    public List<TransferRecord> Transfers { get; set; } = new();
    public List<ChequeRecord> Cheques { get; set; } = new();
    public List<InvoiceRecord> Invoices { get; set; } = new();
    public List<WithdrawalRecord> Withdrawals { get; set; } = new();
}
