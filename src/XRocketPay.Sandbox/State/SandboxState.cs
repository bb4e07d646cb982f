using System.Globalization;
using System.Text.Json;

namespace XRocketPay.Sandbox;

/// <summary>
/// The sandbox's whole state and every rule that moves money, split by resource into partial files
/// (Ledger, Transfers, Cheques, Invoices, Withdrawals). One lock guards it all, so concurrent repeats of
/// a client id can never move money twice.
/// </summary>
internal sealed partial class SandboxState
{
    private readonly object _gate = new();
    private readonly SandboxOptions _options;
    private readonly WebhookDispatcher _webhooks;
    private StateData _data = new();

    public SandboxState(SandboxOptions options, WebhookDispatcher webhooks)
    {
        _options = options;
        _webhooks = webhooks;
        Naming = TransferNaming.For(options.Dialect);
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

    /// <summary>The transfer family's names in the dialect this sandbox serves.</summary>
    public TransferNaming Naming { get; }

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

    // ---------- rules shared by the resources ----------

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
            throw Problem.Business("amount_less_than_minimum", "Amount less than minimum", $"The minimum amount is {Money.Text(minimum)}.");
        }
    }

    private static Problem ClientIdTaken(string code, string field, string value) =>
        Problem.Duplicate(code, $"{field} '{value}' is already used.");

    /// <summary>By server id (which wins when both are given) or by client id; the lookup's codes otherwise.</summary>
    private T Find<T>(List<T> items, Func<T, string> serverId, Func<T, string?> clientId, string? id, string? client, Lookup lookup)
    {
        if (string.IsNullOrEmpty(id) && string.IsNullOrEmpty(client))
        {
            throw lookup.MissingCode == "validation_error"
                ? Problem.Validation($"Give '{lookup.IdName}' or '{lookup.ClientIdName}'.")
                : Problem.Missing(lookup.MissingCode, $"Give '{lookup.IdName}' or '{lookup.ClientIdName}'.");
        }

        lock (_gate)
        {
            var found = !string.IsNullOrEmpty(id)
                ? items.FirstOrDefault(i => serverId(i) == id)
                : items.FirstOrDefault(i => clientId(i) == client);
            return found ?? throw Problem.NotFound(lookup.NotFoundCode,
                $"No {lookup.Kind} with {(string.IsNullOrEmpty(id) ? lookup.ClientIdName + " '" + client : lookup.IdName + " '" + id)}'.");
        }
    }

    private string NextId() => (_data.NextId++).ToString(CultureInfo.InvariantCulture);

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

/// <summary>What every listed object has: an insertion order for keyset paging and a creation time.</summary>
internal interface IListed
{
    long Seq { get; }
    DateTimeOffset CreatedAt { get; }
}
