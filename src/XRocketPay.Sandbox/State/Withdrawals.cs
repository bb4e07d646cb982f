using System.Security.Cryptography;

namespace XRocketPay.Sandbox;

/// <summary>Withdrawals: amount + fee debited at creation (CREATED), then COMPLETED, or FAIL with a refund.</summary>
internal sealed partial class SandboxState
{
    /// <summary>The rules a withdrawal and a withdrawal link share: network, asset, address shape, comment, minimum.</summary>
    public static WithdrawalRequest ReadWithdrawal(RequestBody body)
    {
        var network = body.RequiredString("network", 16);
        var address = body.RequiredString("address", 200);
        var asset = body.RequiredString("asset", 32);
        var amount = body.RequiredAmount("amount");
        var comment = body.String("comment", 10_000);
        var quota = Catalog.QuotaFor(network, asset);
        if (!Addresses.IsPlausible(network, address))
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
                throw ClientIdTaken("client_id_already_taken", "clientWithdrawalId", clientId);
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
        Find(_data.Withdrawals, w => w.WithdrawalId, w => w.ClientWithdrawalId, id, clientId, Lookup.Withdrawal);

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
                withdrawal.TxLink = Addresses.TxLink(withdrawal.Network, withdrawal.TxHash);
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
}

internal sealed record WithdrawalRequest(string Network, string Address, string Asset, decimal Amount, string? Comment, Catalog.Quota Quota);
