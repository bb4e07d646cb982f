using System.Text.Json;

namespace XRocketPay.Sandbox;

/// <summary>Transfers (payouts in the other dialect): a debit at once, idempotent per client id.</summary>
internal sealed partial class SandboxState
{
    public TransferRecord CreateTransfer(RequestBody body)
    {
        lock (_gate)
        {
            var transfer = CreateTransferLocked(body, null);
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
        var clientId = body.String(Naming.ClientId, 100);
        var description = body.String("description", 1000);
        var callback = body.Object("callback");
        RequireTelegramUser(targetType, target);

        if (clientId is not null && _data.Transfers.Any(t => t.ClientTransferId == clientId))
        {
            throw ClientIdTaken(Naming.DuplicateCode, Naming.ClientId, clientId);
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
        _webhooks.Enqueue(TransferNaming.WebhookType, transfer.ToJson(Naming), callback, Config.WebhookSecret);
        return transfer;
    }

    /// <summary>Each row succeeds or fails on its own; a failed row carries its problem as <c>reason</c>.</summary>
    public (IReadOnlyList<object> Successes, IReadOnlyList<object> Errors) CreateMassTransfers(RequestBody body)
    {
        var asset = Catalog.Crypto(body.RequiredString("asset", 32)).Code;
        if (!body.Has(Naming.MassKey))
        {
            throw Problem.Validation($"'{Naming.MassKey}' is required.");
        }

        var rows = body.Array(Naming.MassKey);
        if (rows.Count == 0 || rows.Count > Config.MaxMassTransferRows)
        {
            throw Problem.Validation($"'{Naming.MassKey}' must hold 1 to {Config.MaxMassTransferRows} rows; got {rows.Count}.");
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

                    successes.Add(CreateTransferLocked(RequestBody.From(row), asset).ToJson(Naming));
                }
                catch (Problem problem)
                {
                    errors.Add(RefusedRow(row, problem));
                }
            }

            Persist();
        }

        return (successes, errors);
    }

    private Dictionary<string, object?> RefusedRow(JsonElement row, Problem problem)
    {
        string? Field(string name) => row.ValueKind == JsonValueKind.Object && row.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new()
        {
            ["target"] = Field("target"), ["targetType"] = Field("targetType"), ["amount"] = Field("amount"),
            [Naming.ClientId] = Field(Naming.ClientId), ["description"] = Field("description"), ["reason"] = problem.ToBody(),
        };
    }

    public TransferRecord GetTransfer(string? id, string? clientId) =>
        Find(_data.Transfers, t => t.TransferId, t => t.ClientTransferId, id, clientId, Naming.Lookup);

    public List<TransferRecord> Transfers()
    {
        lock (_gate)
        {
            return _data.Transfers.ToList();
        }
    }
}

internal sealed class TransferRecord : IListed
{
    /// <summary>A transfer is refused or done at once: the live payout statuses are finished and failed (SOURCES §4).</summary>
    public const string Finished = "finished";

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

    public Dictionary<string, object?> ToJson(TransferNaming naming) => new()
    {
        [naming.Id] = TransferId, [naming.ClientId] = ClientTransferId, ["target"] = Target, ["targetType"] = TargetType,
        ["asset"] = Asset, ["amount"] = Money.Format(Amount), ["description"] = Description, ["status"] = Finished, ["callback"] = Callback,
    };
}
