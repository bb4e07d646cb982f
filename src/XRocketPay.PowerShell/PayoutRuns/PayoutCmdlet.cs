namespace XRocketPay.PowerShell.PayoutRuns;

/// <summary>
/// The row parameters of the payout cmdlets. Values bind permissively from CSV-like rows (all strings)
/// and are validated here, so a bad row is this cmdlet's own error record (captured by -ErrorVariable,
/// TargetObject = the row with the client id it would have been sent with) and the good rows still go through.
/// </summary>
public abstract class PayoutCmdlet : XRocketCmdlet
{
    private ClientIds? _clientIds;
    private readonly DuplicateRows _duplicates = new();
    private int _position;

    /// <summary>The pipeline row (for example from Import-Csv); used for error targets.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("UserId", "user_id", "tg_user_id", "Target", "TelegramId", "telegram_user_id")]
    [AllowEmptyString]
    [AllowNull]
    public string? TelegramUserId { get; set; }

    [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
    [MoneyTransformation]
    [AllowNull]
    public XRocketAmount? Amount { get; set; }

    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("Currency")]
    [AllowEmptyString]
    [AllowNull]
    [ArgumentCompleter(typeof(AssetCompleter))]
    public string? Asset { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Comment")]
    [AllowEmptyString]
    [AllowNull]
    public string? Description { get; set; }

    /// <summary>Your id for the payout: a re-run with the same id never pays twice. Always honoured.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("client_transfer_id")]
    [AllowEmptyString]
    [AllowNull]
    public string? ClientTransferId { get; set; }

    /// <summary>Derives each row's client id from this batch id and the row, so re-running a file pays nothing twice.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? BatchId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    public string? CallbackUrl { get; set; }

    /// <summary>A hashtable or object, or a column holding JSON text, sent as callback.payload and echoed in webhooks; at most 4 KB as JSON.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    public object? CallbackPayload { get; set; }

    /// <summary>The client ids of this call's rows (null before the first row).</summary>
    internal ClientIds? RowIds => _clientIds;

    /// <summary>Validates the current row; writes the error record and returns null when it is not payable.</summary>
    internal PayoutRow? ReadRow()
    {
        var user = TelegramUserId?.Trim() ?? "";
        var asset = Asset?.Trim().ToUpperInvariant() ?? "";
        var description = string.IsNullOrEmpty(Description) ? null : Description;

        // Asked before anything is checked or confirmed: every row, refused or not, carries its id.
        _clientIds ??= new ClientIds(BatchId);
        var clientId = _clientIds.ForRow(ClientTransferId, RowKey(), description);
        var position = MyInvocation.ExpectingInput ? ++_position : 0;
        // The copy of the row that error records carry is made only when one is written (issue 15: a paid row
        // costs no copy); the rules check without it, and a refusal gets it here, named in the message too.
        var copyRow = RowCopier(clientId);
        var amount = 0m;
        System.Text.Json.JsonElement? payload = null;
        if ((MissingColumns(user, asset) ?? Refusal(user, asset, target: null, out amount)
            ?? InputRules.CallbackPayload(CallbackPayload, nameof(CallbackPayload), target: null, out payload)) is { } refusal)
        {
            WriteError(ErrorRecords.WithTarget(refusal, ErrorRecords.NameRow(copyRow(), PayoutRow.RowName(position, user, clientId))));
            return null;
        }

        var duplicateOf = position > 0 ? _duplicates.Add(position, user, asset, amount, description) : 0;
        if (duplicateOf > 0)
        {
            // Before the row is paid (or, under -WhatIf, shown): both copies are paid, so the user sees which rows they are.
            WriteWarning($"Row {position} is identical to row {duplicateOf} ({XRocketMoney.Format(amount)} {asset} to {user}{(description is null ? "" : ", description '" + description + "'")}): both are paid, as two payouts. If the copy is a mistake, drop it.");
        }

        var payout = new XRocketPayoutRow(user, asset, amount, clientId)
        {
            Description = description, CallbackUrl = string.IsNullOrWhiteSpace(CallbackUrl) ? null : CallbackUrl, CallbackPayload = payload,
        };
        return new PayoutRow(payout, InputObject, copyRow, position) { DuplicateOf = duplicateOf };
    }

    /// <summary>The columns that give a row its own key for a -BatchId client id (<see cref="ClientIds.ForRow"/>).</summary>
    internal static readonly string[] RowKeyColumns = { "Reference", "Id" };

    /// <summary>The row's own key: the first non-empty column of <see cref="RowKeyColumns"/>, else null.</summary>
    private string? RowKey() =>
        InputObject?.BaseObject is null or string ? null
        : RowKeyColumns.Select(c => InputObject.Properties[c] is { } p ? SafeValue(p)?.ToString() : null).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    internal static XRocketTransferResult Result(XRocketOutcome status, PayoutRow row, Client.Models.Transfer? transfer) =>
        new(status, row.Payout.ClientTransferId, row.Payout.TelegramUserId, row.Payout.Asset, row.Payout.Amount, row.Payout.Description, transfer, row.Input);

    /// <summary>The columns that bind to one parameter (its name and its aliases, read from the parameter): a row may carry one of each group.</summary>
    private static readonly string[][] s_aliasGroups =
        new[] { nameof(TelegramUserId), nameof(Asset), nameof(Amount), nameof(Description), nameof(ClientTransferId) }.Select(ColumnNames).ToArray();

    private static string[] ColumnNames(string parameter) =>
        new[] { parameter }.Concat(typeof(PayoutCmdlet).GetProperty(parameter)!.GetCustomAttributes(typeof(AliasAttribute), false).Cast<AliasAttribute>().SelectMany(a => a.AliasNames)).ToArray();

    /// <summary>
    /// A pipeline row (an object with columns) without a value for a required parameter: one MissingParameter
    /// error naming every missing one, the columns the row has, and the names each missing parameter accepts.
    /// </summary>
    private ErrorRecord? MissingColumns(string user, string asset)
    {
        if (InputObject?.BaseObject is null or string)
        {
            return null;
        }

        var missing = new[] { (nameof(TelegramUserId), user.Length == 0), (nameof(Amount), Amount is null), (nameof(Asset), asset.Length == 0) }
            .Where(p => p.Item2).Select(p => p.Item1).ToList();
        if (missing.Count == 0)
        {
            return null;
        }

        var names = InputObject.Properties.Select(p => p.Name).ToList();
        var columns = string.Join(", ", names);
        var accepted = string.Join("; ", missing.Select(m => $"{m} from a column named {string.Join(", ", s_aliasGroups.First(g => g[0] == m))}"));
        // One column holding the whole header: a file separated by ';' (or tabs) read with Import-Csv's default ',' (issue 30 item 3).
        var separator = names.Count == 1 ? new[] { ';', '\t' }.FirstOrDefault(c => names[0].IndexOf(c) >= 0) : default;
        var hint = separator == default ? "" : $" The one column '{names[0]}' looks like a whole header: read the file with Import-Csv -Delimiter {(separator == ';' ? "';'" : "\"`t\"")}.";
        return ErrorRecords.Input(ModuleErrorIds.MissingParameter,
            $"The row has no {string.Join(", no ", missing)}. Its columns: {(columns.Length == 0 ? "none" : columns)}. Accepted: {accepted}.{hint} Nothing was sent for this row.", null);
    }

    /// <summary>Two columns that bind to one parameter with different values: which one wins is not the user's choice, so neither does (issue 14 item 6).</summary>
    private ErrorRecord? ConflictingColumns(object? target)
    {
        if (InputObject?.BaseObject is null or string)
        {
            return null;
        }

        foreach (var group in s_aliasGroups)
        {
            var given = InputObject.Properties
                .Where(p => group.Contains(p.Name, StringComparer.OrdinalIgnoreCase))
                .Select(p => (p.Name, Value: (SafeValue(p)?.ToString() ?? "").Trim()))
                .Where(p => p.Value.Length > 0)
                .ToList();
            var first = given.FirstOrDefault();
            var other = given.Skip(1).FirstOrDefault(p => !string.Equals(p.Value, first.Value, StringComparison.OrdinalIgnoreCase));
            if (other.Name is not null)
            {
                return ErrorRecords.Input(ModuleErrorIds.ConflictingColumns,
                    $"The row has both column '{first.Name}' ('{first.Value}') and column '{other.Name}' ('{other.Value}'), which mean the same parameter; keep one. Nothing was sent for this row.", target);
            }
        }

        return null;
    }

    private ErrorRecord? Refusal(string user, string asset, object? target, out decimal amount)
    {
        amount = 0m;
        string? problem = null;
        // A given client id too long is refused here; derived and random ones are always short enough.
        if ((ConflictingColumns(target) ?? InputRules.ClientId(ClientTransferId, nameof(ClientTransferId), target)) is { } early)
        {
            return early;
        }

        if (user.Length == 0)
        {
            problem = $"TelegramUserId is required (a column named {string.Join(", ", s_aliasGroups[0])}).";
        }
        else if (InputRules.TelegramUserId(user, nameof(TelegramUserId), target) is { } userError)
        {
            return userError;
        }
        else if (InputRules.Amount(Amount, nameof(Amount), required: true, target, out var parsed) is { } amountError)
        {
            return Amount is { IsValid: false, IsMissing: false } && XRocketMoney.Read(Asset).IsValid
                ? ErrorRecords.Input(ModuleErrorIds.InvalidAmount, $"-Amount '{Amount.Raw}' is not an amount, and -Asset '{Asset}' looks like one: by position the order is <TelegramUserId> <Asset> <Amount> (New-XRocketTransfer 87209764 USDT 5). Nothing was sent for this row.", target)
                : amountError;
        }
        else if (asset.Length == 0)
        {
            problem = $"Asset is required (a column named {string.Join(" or ", s_aliasGroups[1])}, such as TONCOIN or USDT).";
        }
        else if ((InputRules.Asset(ReferenceConnection, asset, nameof(Asset), target) ?? InputRules.Url(NullIfBlank(CallbackUrl), nameof(CallbackUrl), target)) is { } ruleError)
        {
            // The asset is checked against the currencies list (a cached reference read); the URL's rule is SOURCES §5.6.
            return ruleError;
        }
        else
        {
            amount = parsed!.Value;
        }

        return problem is null ? null : ErrorRecords.Input(ModuleErrorIds.MissingParameter, problem + " Nothing was sent for this row.", target);
    }

    /// <summary>
    /// Makes, when called, a copy of the input row (or of the parameters) with ClientTransferId filled in. It
    /// holds only references to this record's values, so a buffered row stays small until it fails.
    /// </summary>
    private Func<PSObject> RowCopier(string clientId)
    {
        var input = InputObject?.BaseObject is not null && InputObject.BaseObject is not string ? InputObject : null;
        var (user, amount, asset, description) = (TelegramUserId, Amount?.Raw, Asset, Description);
        return () =>
        {
            var copy = new PSObject();
            if (input is not null)
            {
                foreach (var property in input.Properties)
                {
                    copy.Properties.Add(new PSNoteProperty(property.Name, SafeValue(property)));
                }
            }
            else
            {
                copy.Properties.Add(new PSNoteProperty("TelegramUserId", user));
                copy.Properties.Add(new PSNoteProperty("Amount", amount));
                copy.Properties.Add(new PSNoteProperty("Asset", asset));
                copy.Properties.Add(new PSNoteProperty("Description", description));
            }

            var existing = copy.Properties.FirstOrDefault(p => p.Name.Equals("ClientTransferId", StringComparison.OrdinalIgnoreCase) || p.Name.Equals("client_transfer_id", StringComparison.OrdinalIgnoreCase));
            if (existing is not null)
            {
                existing.Value = clientId;
            }
            else
            {
                copy.Properties.Add(new PSNoteProperty("ClientTransferId", clientId));
            }

            return copy;
        };
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static object? SafeValue(PSPropertyInfo property)
    {
        try
        {
            return property.Value;
        }
        catch (GetValueException)
        {
            return null;
        }
    }
}
