using System.Text.Json;

namespace XRocketPay.Sandbox;

/// <summary>Cheques: the amount is held until the cheque is deleted (released) or redeemed (debited).</summary>
internal sealed partial class SandboxState
{
    public ChequeRecord CreateCheque(RequestBody body)
    {
        var asset = Catalog.Crypto(body.RequiredString("asset", 32)).Code;
        var amount = body.RequiredAmount("amount");
        var clientId = body.String("clientChequeId", 50); // ≤ 50 (SOURCES §5.13, S3)
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
                throw ClientIdTaken("client_id_already_taken", "clientChequeId", clientId);
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

    /// <summary>By id, a deleted cheque still answers, with <c>deleted: true</c> (SOURCES §5.17).</summary>
    public ChequeRecord GetCheque(string? id, string? clientId) =>
        Find(_data.Cheques, c => c.ChequeId, c => c.ClientChequeId, id, clientId, Lookup.Cheque);

    /// <summary>Lists leave deleted (cancelled) cheques out (SOURCES §5.14).</summary>
    public List<ChequeRecord> Cheques()
    {
        lock (_gate)
        {
            return _data.Cheques.Where(c => !c.Deleted).ToList();
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
            if (cheque.State != ChequeStates.Active || cheque.Deleted)
            {
                // Only an active, unredeemed cheque can be edited (SOURCES §5.15).
                throw AlreadyUsed(cheque);
            }

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
                throw AlreadyUsed(cheque);
            }

            Row(cheque.Asset).Holds -= cheque.Amount;
            cheque.Deleted = true;
            Persist();
        }
    }

    private static Problem AlreadyUsed(ChequeRecord cheque) =>
        Problem.Business("cheque_already_used", "Cheque already used", $"Cheque {cheque.ChequeId} is {(cheque.Deleted ? "deleted" : cheque.State)}.");

    public ChequeRecord RedeemCheque(string? id, string? clientId)
    {
        lock (_gate)
        {
            var cheque = GetCheque(id, clientId);
            if (cheque.State != ChequeStates.Active || cheque.Deleted)
            {
                throw AlreadyUsed(cheque);
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

/// <summary>The cheque states public sources name (SOURCES §5.14): active, completed, draft, error. A deleted cheque keeps its state and says <c>deleted: true</c>.</summary>
internal static class ChequeStates
{
    public const string Active = "active";
    public const string Completed = "completed";
    public static readonly string[] All = { Active, Completed, "draft", "error" };
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
