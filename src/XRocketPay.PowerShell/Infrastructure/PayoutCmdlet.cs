using System.Globalization;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// The row parameters of the payout cmdlets. Values bind permissively from CSV-like rows (all strings)
/// and are validated here, so a bad row is this cmdlet's own error record (captured by -ErrorVariable,
/// TargetObject = the row with the client id it would have been sent with) and the good rows still go through.
/// </summary>
public abstract class PayoutCmdlet : XRocketCmdlet
{
    private ClientIds? _clientIds;

    /// <summary>The pipeline row (for example from Import-Csv); used for error targets.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("UserId", "user_id", "tg_user_id", "Target", "TelegramId", "telegram_user_id")]
    [AllowEmptyString]
    [AllowNull]
    public string? TelegramUserId { get; set; }

    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [MoneyTransformation]
    [AllowNull]
    public AmountArgument? Amount { get; set; }

    [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
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
        var clientId = _clientIds.ForRow(ClientTransferId, user, asset, Amount?.Reading.Text ?? "", description);
        var target = RowCopy(clientId);
        if (Refusal(user, asset, clientId, target, out var amount) is { } refusal)
        {
            WriteError(refusal);
            return null;
        }

        return new PayoutRow(user, asset, amount, description, clientId, string.IsNullOrWhiteSpace(CallbackUrl) ? null : CallbackUrl, InputObject, target);
    }

    internal XRocketTransferResult Result(XRocketOutcome status, PayoutRow row, Client.Models.Transfer? transfer) =>
        new(status, row.ClientTransferId, row.TelegramUserId, row.Asset, row.Amount, row.Description, transfer, row.Input);

    private ErrorRecord? Refusal(string user, string asset, string clientId, PSObject target, out decimal amount)
    {
        amount = 0m;
        string? problem = null, errorId = InputErrorIds.MissingParameter;
        if (user.Length == 0)
        {
            problem = "TelegramUserId is required (a column named TelegramUserId, UserId, user_id, tg_user_id or Target).";
        }
        else if (!long.TryParse(user, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            (problem, errorId) = ($"TelegramUserId '{user}' is not a positive whole number.", InputErrorIds.InvalidParameter);
        }
        else if (AmountArgument.Check(Amount, nameof(Amount), required: true, target, out var parsed) is { } amountError)
        {
            return amountError;
        }
        else if (asset.Length == 0)
        {
            problem = "Asset is required (a column named Asset or Currency, such as TONCOIN or USDT).";
        }
        else if (clientId.Length > ClientIds.MaxLength)
        {
            (problem, errorId) = ($"ClientTransferId is longer than {ClientIds.MaxLength} characters.", InputErrorIds.InvalidParameter);
        }
        else
        {
            amount = parsed!.Value;
        }

        return problem is null ? null : ErrorRecords.Input(errorId, problem + " Nothing was sent for this row.", target);
    }

    /// <summary>A copy of the input row (or of the parameters) with ClientTransferId filled in.</summary>
    private PSObject RowCopy(string clientId)
    {
        var copy = new PSObject();
        if (InputObject?.BaseObject is not null && InputObject.BaseObject is not string)
        {
            foreach (var property in InputObject.Properties)
            {
                copy.Properties.Add(new PSNoteProperty(property.Name, SafeValue(property)));
            }
        }
        else
        {
            copy.Properties.Add(new PSNoteProperty("TelegramUserId", TelegramUserId));
            copy.Properties.Add(new PSNoteProperty("Amount", Amount?.RawText));
            copy.Properties.Add(new PSNoteProperty("Asset", Asset));
            copy.Properties.Add(new PSNoteProperty("Description", Description));
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
    }

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
