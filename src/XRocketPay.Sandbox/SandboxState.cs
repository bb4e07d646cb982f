using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace XRocketPay.Sandbox;

/// <summary>
/// The sandbox's whole state and every rule that moves money. One lock guards it all, so concurrent
/// repeats of a client id can never move money twice.
/// </summary>
internal sealed class SandboxState
{
    private readonly object _gate = new();
    private readonly SandboxOptions _options;
    private readonly WebhookDispatcher _webhooks;
    private StateData _data = new();

    public SandboxState(SandboxOptions options, WebhookDispatcher webhooks)
    {
        _options = options;
        _webhooks = webhooks;
        Config = SandboxConfig.From(options);
        if (options.StateFile is { } file && File.Exists(file))
        {
            _data = JsonSerializer.Deserialize<StateData>(File.ReadAllText(file), Json.Options) ?? new StateData();
            foreach (var pending in _data.Withdrawals.Where(w => w.Status == WithdrawalStates.Created))
            {
                ScheduleCompletion(pending.WithdrawalId);
            }
        }
        else
        {
            SeedLedger();
        }
    }

    public SandboxConfig Config { get; private set; }

    public void Reset()
    {
        lock (_gate)
        {
            _data = new StateData();
            SeedLedger();
            Config = SandboxConfig.From(_options);
            Persist();
        }
    }

    private void SeedLedger()
    {
        foreach (var (asset, amount) in _options.StartingBalances)
        {
            _data.Ledger[asset] = new LedgerRow { Asset = asset, Start = amount };
        }
    }

    public IReadOnlyList<object> LedgerJson()
    {
        lock (_gate)
        {
            return _data.Ledger.Values.OrderBy(r => r.Asset, StringComparer.Ordinal).Select(r => r.ToJson()).ToList();
        }
    }

    public IReadOnlyList<object> BalancesJson()
    {
        lock (_gate)
        {
            return _data.Ledger.Values.OrderBy(r => r.Asset, StringComparer.Ordinal)
                .Select(r => (object)new { asset = r.Asset, balance = Money.Format(r.Balance), available = Money.Format(r.Available), holds = Money.Format(r.Holds) })
                .ToList();
        }
    }

    // ---------- transfers ----------

    public TransferRecord CreateTransfer(RequestBody body, string? assetOverride = null)
    {
        lock (_gate)
        {
            var transfer = CreateTransferLocked(body, assetOverride);
            Persist();
            return transfer;
        }
    }

    private TransferRecord CreateTransferLocked(RequestBody body, string? assetOverride)
    {
        var target = body.RequiredString("target", 64);
        var targetType = body.RequiredString("targetType", 64);
        var asset = Catalog.Crypto(assetOverride ?? body.RequiredString("asset", 32)).Code;
        var amount = body.RequiredAmount("amount");
        var clientId = body.String("clientTransferId", 100);
        var description = body.String("description", 1000);
        var callback = body.Object("callback");
        RequireTelegramUser(targetType, target);

        if (clientId is not null && _data.Transfers.Any(t => t.ClientTransferId == clientId))
        {
            throw ClientIdTaken("clientTransferId", clientId);
        }

        RequireMinimum(amount, Catalog.MinimumTransferAmount);
        Debit(asset, amount);
        var transfer = new TransferRecord
        {
            Seq = _data.NextSeq++, CreatedAt = DateTimeOffset.UtcNow, TransferId = NextId(),
            ClientTransferId = clientId ?? Guid.NewGuid().ToString("N"), Target = target, TargetType = targetType,
            Asset = asset, Amount = amount, Description = description, Callback = callback,
        };
        _data.Transfers.Add(transfer);
        _webhooks.Enqueue("payout", transfer.ToJson(), callback, Config.WebhookSecret);
        return transfer;
    }

    public (IReadOnlyList<object> Successes, IReadOnlyList<object> Errors) CreateMassTransfers(RequestBody body)
    {
        var asset = Catalog.Crypto(body.RequiredString("asset", 32)).Code;
        if (!body.Has("transfers"))
        {
            throw Problem.Validation("'transfers' is required.");
        }

        var rows = body.Array("transfers");
        if (rows.Count == 0 || rows.Count > Config.MaxMassTransferRows)
        {
            throw Problem.Validation($"'transfers' must hold 1 to {Config.MaxMassTransferRows} rows; got {rows.Count}.");
        }

        var successes = new List<object>();
        var errors = new List<object>();
        lock (_gate)
        {
            foreach (var row in rows)
            {
                try
                {
                    if (row.ValueKind != JsonValueKind.Object)
                    {
                        throw Problem.Validation("Each row must be an object.");
                    }

                    successes.Add(CreateTransferLocked(RequestBody.From(row), asset).ToJson());
                }
                catch (Problem problem)
                {
                    string? Field(string name) => row.ValueKind == JsonValueKind.Object && row.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                    errors.Add(new
                    {
                        target = Field("target"), targetType = Field("targetType"), amount = Field("amount"),
                        clientTransferId = Field("clientTransferId"), description = Field("description"), reason = problem.ToBody(),
                    });
                }
            }

            Persist();
        }

        return (successes, errors);
    }

    public TransferRecord GetTransfer(string? id, string? clientId) =>
        Find(_data.Transfers, t => t.TransferId, t => t.ClientTransferId, id, clientId, "transfer", "transferId", "clientTransferId");

    public List<TransferRecord> Transfers()
    {
        lock (_gate)
        {
            return _data.Transfers.ToList();
        }
    }

    // ---------- cheques ----------

    public ChequeRecord CreateCheque(RequestBody body)
    {
        var asset = Catalog.Crypto(body.RequiredString("asset", 32)).Code;
        var amount = body.RequiredAmount("amount");
        var clientId = body.String("clientChequeId", 100);
        var targetType = body.String("targetType", 64);
        var target = body.String("target", 64);
        if ((targetType is null) != (target is null))
        {
            throw Problem.Validation("'target' and 'targetType' go together.");
        }

        var cheque = new ChequeRecord
        {
            Asset = asset, Amount = amount, Description = body.String("description", 1000), Password = body.String("password", 100),
            TargetType = targetType, Target = target, Callback = body.Object("callback"), Url = body.Object("url"),
        };
        lock (_gate)
        {
            if (target is not null)
            {
                RequireTelegramUser(targetType!, target);
            }

            if (clientId is not null && _data.Cheques.Any(c => c.ClientChequeId == clientId))
            {
                throw ClientIdTaken("clientChequeId", clientId);
            }

            RequireMinimum(amount, Catalog.MinimumTransferAmount);
            var row = RequireAvailable(asset, amount);
            row.Holds += amount;
            cheque.Seq = _data.NextSeq++;
            cheque.CreatedAt = DateTimeOffset.UtcNow;
            cheque.ChequeId = NextId();
            cheque.ClientChequeId = clientId ?? Guid.NewGuid().ToString("N");
            _data.Cheques.Add(cheque);
            Persist();
            return cheque;
        }
    }

    public ChequeRecord GetCheque(string? id, string? clientId) =>
        Find(_data.Cheques, c => c.ChequeId, c => c.ClientChequeId, id, clientId, "cheque", "chequeId", "clientChequeId");

    public List<ChequeRecord> Cheques()
    {
        lock (_gate)
        {
            return _data.Cheques.ToList();
        }
    }

    public ChequeRecord UpdateCheque(string? id, string? clientId, RequestBody body)
    {
        if (!body.Has("description"))
        {
            throw Problem.Validation("'description' is required (an empty string clears it).");
        }

        var description = body.String("description", 1000);
        lock (_gate)
        {
            var cheque = GetCheque(id, clientId);
            cheque.Description = string.IsNullOrEmpty(description) ? null : description;
            Persist();
            return cheque;
        }
    }

    public void DeleteCheque(string? id, string? clientId)
    {
        lock (_gate)
        {
            var cheque = GetCheque(id, clientId);
            if (cheque.Deleted)
            {
                return;
            }

            if (cheque.State != ChequeStates.Active)
            {
                throw Problem.Business("operation_disabled", "Cheque already activated", $"Cheque {cheque.ChequeId} is {cheque.State} and cannot be deleted.");
            }

            Row(cheque.Asset).Holds -= cheque.Amount;
            cheque.Deleted = true;
            cheque.State = ChequeStates.Cancelled;
            Persist();
        }
    }

    public ChequeRecord RedeemCheque(string? id, string? clientId)
    {
        lock (_gate)
        {
            var cheque = GetCheque(id, clientId);
            if (cheque.State != ChequeStates.Active)
            {
                throw Problem.Business("operation_disabled", "Cheque not active", $"Cheque {cheque.ChequeId} is {cheque.State}.");
            }

            var row = Row(cheque.Asset);
            row.Holds -= cheque.Amount;
            row.Debits += cheque.Amount;
            cheque.State = ChequeStates.Completed;
            _webhooks.Enqueue("cheque", cheque.ToJson(), cheque.Callback, Config.WebhookSecret);
            Persist();
            return cheque;
        }
    }

    // ---------- invoices ----------

    public InvoiceRecord CreateInvoice(RequestBody body)
    {
        var priceCurrency = body.RequiredString("priceCurrency", 32);
        if (Catalog.Find(priceCurrency) is null)
        {
            throw Problem.Validation($"'priceCurrency' must be a supported currency; got '{priceCurrency}'.");
        }

        var payCurrencies = body.Array("payCurrencies").Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Problem.Validation("'payCurrencies' must hold strings.")).ToList();
        foreach (var pay in payCurrencies)
        {
            Catalog.Crypto(pay, "payCurrencies");
        }

        var payout = body.String("payoutCurrency", 32);
        if (payout is not null)
        {
            Catalog.Crypto(payout, "payoutCurrency");
        }

        var expiresIn = body.Int("expiresIn");
        if (expiresIn is <= 0)
        {
            throw Problem.Validation("'expiresIn' must be a positive number of milliseconds.");
        }

        var numPayments = body.Int("numPayments") ?? 1;
        if (numPayments < 1)
        {
            throw Problem.Validation("'numPayments' must be at least 1.");
        }

        var clientId = body.String("clientInvoiceId", 100);
        var now = DateTimeOffset.UtcNow;
        var invoice = new InvoiceRecord
        {
            CreatedAt = now, ClientInvoiceId = clientId, PriceAmount = body.Amount("priceAmount"), MinPayment = body.Amount("minPayment"),
            PriceCurrency = priceCurrency, PayoutCurrency = payout, PayCurrencies = payCurrencies, NumPayments = numPayments,
            Description = body.String("description", 1000), ExpiresIn = expiresIn, ExpiresAt = expiresIn is { } ms ? now.AddMilliseconds(ms) : null,
            Callback = body.Object("callback"), Url = body.Object("url"), Customer = body.Object("customer"), Data = body.Object("data"),
        };
        lock (_gate)
        {
            if (clientId is not null && _data.Invoices.Any(i => i.ClientInvoiceId == clientId))
            {
                throw ClientIdTaken("clientInvoiceId", clientId);
            }

            invoice.Seq = _data.NextSeq++;
            invoice.Id = NextId();
            _data.Invoices.Add(invoice);
            Persist();
            return invoice;
        }
    }

    public InvoiceRecord GetInvoice(string? id, string? clientId)
    {
        lock (_gate)
        {
            var invoice = Find(_data.Invoices, i => i.Id, i => i.ClientInvoiceId, id, clientId, "invoice", "invoiceId", "clientInvoiceId");
            ExpireIfDue(invoice);
            return invoice;
        }
    }

    public List<InvoiceRecord> Invoices()
    {
        lock (_gate)
        {
            foreach (var invoice in _data.Invoices)
            {
                ExpireIfDue(invoice);
            }

            return _data.Invoices.ToList();
        }
    }

    public void DeleteInvoice(string? id, string? clientId)
    {
        lock (_gate)
        {
            var invoice = GetInvoice(id, clientId);
            if (invoice.Payments.Count > 0)
            {
                throw Problem.Business("operation_disabled", "Invoice has payments", $"Invoice {invoice.Id} has payments and cannot be deleted.");
            }

            _data.Invoices.Remove(invoice);
            Persist();
        }
    }

    public InvoiceRecord PayInvoiceTest(string? id, string? clientId, RequestBody body)
    {
        lock (_gate)
        {
            var invoice = GetInvoice(id, clientId);
            if (invoice.Status != InvoiceStates.Active)
            {
                throw Problem.Business("operation_disabled", "Invoice not active", $"Invoice {invoice.Id} is {invoice.Status}.");
            }

            var payCurrency = body.String("payCurrency", 32)
                ?? invoice.PayCurrencies.FirstOrDefault()
                ?? invoice.PayoutCurrency
                ?? (Catalog.Find(invoice.PriceCurrency)?.Kind == "crypto" ? invoice.PriceCurrency : "USDT");
            var pay = Catalog.Crypto(payCurrency, "payCurrency");
            if (invoice.PayCurrencies.Count > 0 && !invoice.PayCurrencies.Contains(pay.Code))
            {
                throw Problem.Validation($"This invoice accepts {string.Join(", ", invoice.PayCurrencies)}; got '{pay.Code}'.");
            }

            var price = Catalog.Find(invoice.PriceCurrency)!;
            var priceAmount = body.Amount("amount") is { } given && invoice.PriceAmount is null
                ? given
                : invoice.PriceAmount ?? throw Problem.Validation("This invoice has an open amount: give 'amount'.");
            if (invoice.MinPayment is { } min && priceAmount < min)
            {
                throw Problem.Business("amount_less_than_minimum", "Amount too small", $"The minimum payment is {Money.Format(min)} {invoice.PriceCurrency}.");
            }

            var payAmount = pay.Code == price.Code ? priceAmount : Money.Round(priceAmount * price.UsdPrice / pay.UsdPrice);
            var payment = new InvoicePaymentRecord
            {
                Id = NextId(), FinalizedAt = DateTimeOffset.UtcNow, PayAmount = payAmount, PayCurrency = pay.Code,
                ReceiveAmount = payAmount, ReceiveCurrency = pay.Code,
            };
            invoice.Payments.Add(payment);
            Row(pay.Code).Credits += payAmount;
            if (invoice.Payments.Count >= invoice.NumPayments)
            {
                invoice.Status = InvoiceStates.Paid;
            }

            _webhooks.Enqueue("invoice", new { @event = "invoice_status_changed", invoice = invoice.ToJson(), payment = payment.ToJson() }, invoice.Callback, Config.WebhookSecret);
            Persist();
            return invoice;
        }
    }

    public InvoiceRecord ExpireInvoice(string? id, string? clientId)
    {
        lock (_gate)
        {
            var invoice = GetInvoice(id, clientId);
            if (invoice.Status == InvoiceStates.Active)
            {
                invoice.Status = InvoiceStates.Expired;
                invoice.ExpiresAt = DateTimeOffset.UtcNow;
                _webhooks.Enqueue("invoice", new { @event = "invoice_status_changed", invoice = invoice.ToJson() }, invoice.Callback, Config.WebhookSecret);
                Persist();
            }

            return invoice;
        }
    }

    private void ExpireIfDue(InvoiceRecord invoice)
    {
        if (invoice.Status == InvoiceStates.Active && invoice.ExpiresAt is { } at && at <= DateTimeOffset.UtcNow)
        {
            invoice.Status = InvoiceStates.Expired;
        }
    }

    public object PaymentAddress(string? id, string? clientId, RequestBody body)
    {
        var network = body.RequiredString("payNetwork", 16);
        if (!Catalog.Networks.Contains(network))
        {
            throw Problem.Validation($"'payNetwork' must be one of {string.Join(", ", Catalog.Networks)}.");
        }

        var invoice = GetInvoice(id, clientId);
        var currency = invoice.PayCurrencies.FirstOrDefault(c => Catalog.Find(c)!.Networks.Contains(network))
            ?? Catalog.Currencies.First(c => c.Networks.Contains(network)).Code;
        return new
        {
            address = FakeAddress(network), payCurrency = currency, payNetwork = network,
            expiresAt = invoice.ExpiresAt ?? DateTimeOffset.UtcNow.AddHours(1), minAmount = Money.Format(Catalog.MinimumTransferAmount),
        };
    }

    // ---------- withdrawals ----------

    /// <summary>The rules a withdrawal and a withdrawal link share: network, asset, address shape, comment, minimum.</summary>
    public static WithdrawalRequest ReadWithdrawal(RequestBody body)
    {
        var network = body.RequiredString("network", 16);
        var address = body.RequiredString("address", 200);
        var asset = body.RequiredString("asset", 32);
        var amount = body.RequiredAmount("amount");
        var comment = body.String("comment", 10_000);
        var quota = Catalog.QuotaFor(network, asset);
        if (!Catalog.IsPlausibleAddress(network, address))
        {
            throw Problem.Business("withdrawal_incorrect_address", "Incorrect address", $"'{address}' is not a valid {network} address.");
        }

        if (comment is { Length: > 50 })
        {
            throw Problem.Business("withdrawal_incorrect_comment", "Incorrect comment", "The comment must be at most 50 characters.");
        }

        RequireMinimum(amount, quota.MinSize);
        return new WithdrawalRequest(network, address, asset, amount, comment, quota);
    }

    public WithdrawalRecord CreateWithdrawal(RequestBody body)
    {
        var clientId = body.RequiredString("clientWithdrawalId", 50);
        var (network, address, asset, amount, comment, quota) = ReadWithdrawal(body);
        lock (_gate)
        {
            if (_data.Withdrawals.Any(w => w.ClientWithdrawalId == clientId))
            {
                throw ClientIdTaken("clientWithdrawalId", clientId);
            }

            if (quota.FeeAsset == asset)
            {
                Debit(asset, amount + quota.Fee);
            }
            else
            {
                RequireAvailable(quota.FeeAsset, quota.Fee);
                Debit(asset, amount);
                Debit(quota.FeeAsset, quota.Fee);
            }

            var withdrawal = new WithdrawalRecord
            {
                Seq = _data.NextSeq++, CreatedAt = DateTimeOffset.UtcNow, WithdrawalId = NextId(), ClientWithdrawalId = clientId,
                Network = network, Address = address, Asset = asset, Amount = amount, Fee = quota.Fee, FeeAsset = quota.FeeAsset,
                Comment = comment, Callback = body.Object("callback"),
            };
            _data.Withdrawals.Add(withdrawal);
            Persist();
            ScheduleCompletion(withdrawal.WithdrawalId);
            return withdrawal;
        }
    }

    public WithdrawalRecord GetWithdrawal(string? id, string? clientId) =>
        Find(_data.Withdrawals, w => w.WithdrawalId, w => w.ClientWithdrawalId, id, clientId, "withdrawal", "withdrawalId", "clientWithdrawalId");

    public List<WithdrawalRecord> Withdrawals()
    {
        lock (_gate)
        {
            return _data.Withdrawals.ToList();
        }
    }

    /// <summary>Settles a CREATED withdrawal: COMPLETED (or FAIL for a failing address, or when asked).</summary>
    public WithdrawalRecord SettleWithdrawal(string? id, string? clientId, bool fail)
    {
        lock (_gate)
        {
            var withdrawal = GetWithdrawal(id, clientId);
            if (withdrawal.Status != WithdrawalStates.Created)
            {
                return withdrawal;
            }

            if (fail || Config.FailingAddresses.Contains(withdrawal.Address))
            {
                withdrawal.Status = WithdrawalStates.Fail;
                Refund(withdrawal.Asset, withdrawal.Amount);
                Refund(withdrawal.FeeAsset, withdrawal.Fee);
            }
            else
            {
                withdrawal.Status = WithdrawalStates.Completed;
                withdrawal.TxHash = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
                withdrawal.TxLink = Catalog.TxLink(withdrawal.Network, withdrawal.TxHash);
            }

            _webhooks.Enqueue("withdrawal", withdrawal.ToJson(), withdrawal.Callback, Config.WebhookSecret);
            Persist();
            return withdrawal;
        }
    }

    private void ScheduleCompletion(string withdrawalId)
    {
        var delay = Math.Max(0, Config.WithdrawalCompletionDelayMs);
        _ = Task.Delay(delay).ContinueWith(_ =>
        {
            try
            {
                SettleWithdrawal(withdrawalId, null, fail: false);
            }
            catch (Problem)
            {
                // Reset in between: nothing left to settle.
            }
        }, TaskScheduler.Default);
    }

    // ---------- rules shared by the operations ----------

    private void RequireTelegramUser(string targetType, string target)
    {
        if (targetType != "telegram_user_id")
        {
            throw Problem.Validation($"'targetType' must be 'telegram_user_id'; got '{targetType}'.");
        }

        if (!long.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out var userId) || userId <= 0)
        {
            throw Problem.Validation($"'target' must be a positive Telegram user id; got '{target}'.");
        }

        if (Config.UnknownUserIds.Contains(userId))
        {
            throw Problem.Business("target_user_not_found", "Target user not found", $"Telegram user {userId} is not an xRocket user.");
        }
    }

    private static void RequireMinimum(decimal amount, decimal minimum)
    {
        if (amount < minimum)
        {
            throw Problem.Business("amount_less_than_minimum", "Amount less than minimum", $"The minimum amount is {Money.Format(minimum)}.");
        }
    }

    private LedgerRow Row(string asset)
    {
        if (!_data.Ledger.TryGetValue(asset, out var row))
        {
            row = new LedgerRow { Asset = asset };
            _data.Ledger[asset] = row;
        }

        return row;
    }

    private LedgerRow RequireAvailable(string asset, decimal amount)
    {
        var row = Row(asset);
        if (row.Available < amount)
        {
            throw Problem.Business("amount_more_than_app_balance", "Not enough funds",
                $"Available {Money.Format(row.Available)} {asset} is less than {Money.Format(amount)} {asset}.");
        }

        return row;
    }

    private void Debit(string asset, decimal amount) => RequireAvailable(asset, amount).Debits += amount;

    private void Refund(string asset, decimal amount) => Row(asset).Credits += amount;

    private static Problem ClientIdTaken(string field, string value) =>
        Problem.Business("client_id_already_taken", "Client id already taken", $"{field} '{value}' is already used.");

    private T Find<T>(List<T> items, Func<T, string> serverId, Func<T, string?> clientId, string? id, string? client, string kind, string idName, string clientName)
    {
        if (string.IsNullOrEmpty(id) && string.IsNullOrEmpty(client))
        {
            throw Problem.Validation($"Give '{idName}' or '{clientName}'.");
        }

        lock (_gate)
        {
            // The server id wins when both are given.
            var found = !string.IsNullOrEmpty(id)
                ? items.FirstOrDefault(i => serverId(i) == id)
                : items.FirstOrDefault(i => clientId(i) == client);
            return found ?? throw Problem.NotFound($"No {kind} with {(string.IsNullOrEmpty(id) ? clientName + " '" + client : idName + " '" + id)}'.");
        }
    }

    private string NextId() => (_data.NextId++).ToString(CultureInfo.InvariantCulture);

    private static string FakeAddress(string network) => network switch
    {
        "TON" => "UQ" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(34)).Replace('+', '-').Replace('/', '_')[..46],
        "ETH" or "BSC" => "0x" + Convert.ToHexString(RandomNumberGenerator.GetBytes(20)).ToLowerInvariant(),
        "TRX" => "T" + new string(Enumerable.Range(0, 33).Select(_ => "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"[RandomNumberGenerator.GetInt32(58)]).ToArray()),
        "BTC" => "bc1q" + Convert.ToHexString(RandomNumberGenerator.GetBytes(19)).ToLowerInvariant().Replace('b', 'c').Replace('i', 'j').Replace('o', 'p')[..38],
        _ => new string(Enumerable.Range(0, 44).Select(_ => "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"[RandomNumberGenerator.GetInt32(58)]).ToArray()),
    };

    /// <summary>Writes the state file atomically: a crash mid-write never leaves a torn file.</summary>
    private void Persist()
    {
        if (_options.StateFile is not { } file)
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(file))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, "." + Path.GetFileName(file) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        File.WriteAllText(temp, JsonSerializer.Serialize(_data, Json.Options));
        File.Move(temp, file, overwrite: true);
    }
}

internal sealed record WithdrawalRequest(string Network, string Address, string Asset, decimal Amount, string? Comment, Catalog.Quota Quota);
