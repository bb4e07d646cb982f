using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Security.Cryptography;
using System.Text;
using XRocketPay.Client;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>One validated payout row, ready to send.</summary>
internal sealed class PayoutRow
{
    public PayoutRow(string telegramUserId, string asset, decimal amount, string? description, string clientTransferId, string? callbackUrl, PSObject? input, object target)
    {
        TelegramUserId = telegramUserId;
        Asset = asset;
        Amount = amount;
        Description = description;
        ClientTransferId = clientTransferId;
        CallbackUrl = callbackUrl;
        Input = input;
        Target = target;
    }

    public string TelegramUserId { get; }
    public string Asset { get; }
    public decimal Amount { get; }
    public string? Description { get; }
    public string ClientTransferId { get; }
    public string? CallbackUrl { get; }
    public PSObject? Input { get; }

    /// <summary>A copy of the row with ClientTransferId filled in: what error records carry, so failures re-run safely.</summary>
    public object Target { get; }
}

/// <summary>
/// The row parameters of the payout cmdlets. Values bind permissively from CSV-like rows (all strings)
/// and are validated here, so a bad row is this cmdlet's own error record (captured by -ErrorVariable,
/// TargetObject = the row) and the good rows still go through.
/// </summary>
public abstract class PayoutCmdlet : XRocketCmdlet
{
    private const int MaxClientIdLength = 50;
    private readonly Dictionary<string, int> _occurrences = new(StringComparer.Ordinal);

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

    /// <summary>Your id for the payout: a re-run with the same id never pays twice.</summary>
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

    /// <summary>Validates the current row; writes the error record and returns null when it is not payable.</summary>
    internal PayoutRow? ReadRow()
    {
        var user = TelegramUserId?.Trim();
        var asset = Asset?.Trim().ToUpperInvariant();
        var description = string.IsNullOrEmpty(Description) ? null : Description;
        var explicitId = string.IsNullOrWhiteSpace(ClientTransferId) ? null : ClientTransferId!.Trim();
        string? problem = null, errorId = InputErrorIds.MissingParameter;
        if (string.IsNullOrEmpty(user))
        {
            problem = "TelegramUserId is required (a column named TelegramUserId, UserId, user_id, tg_user_id or Target).";
        }
        else if (!long.TryParse(user, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            (problem, errorId) = ($"TelegramUserId '{user}' is not a positive whole number.", InputErrorIds.InvalidParameter);
        }
        else if (Amount is null || (Amount.RawText.Trim().Length == 0 && !Amount.IsValid))
        {
            problem = "Amount is required.";
        }
        else if (!Amount.IsValid)
        {
            (problem, errorId) = ("Amount: " + Amount.Error, InputErrorIds.InvalidAmount);
        }
        else if (string.IsNullOrEmpty(asset))
        {
            problem = "Asset is required (a column named Asset or Currency, such as TONCOIN or USDT).";
        }
        else if (explicitId is { Length: > MaxClientIdLength })
        {
            (problem, errorId) = ($"ClientTransferId is longer than {MaxClientIdLength} characters.", InputErrorIds.InvalidParameter);
        }

        // Every row, refused or not, carries the id it was or would have been sent with, so the error's
        // TargetObject re-runs as the same payout. Without -BatchId the id is random.
        var amountText = Amount is { IsValid: true } ? XRocketMoney.Format(XRocketMoney.Normalize(Amount.Value)) : Amount?.RawText.Trim() ?? "";
        var clientId = explicitId
            ?? (BatchId is not null ? BatchClientId(user ?? "", asset ?? "", amountText, description) : "xrp-" + Guid.NewGuid().ToString("N"));
        if (problem is not null)
        {
            WriteError(ErrorRecords.Input(errorId, problem + " Nothing was sent for this row.", RowCopy(clientId)));
            return null;
        }

        return new PayoutRow(user!, asset!, Amount!.Value, description, clientId, string.IsNullOrWhiteSpace(CallbackUrl) ? null : CallbackUrl, InputObject, RowCopy(clientId));
    }

    /// <summary>
    /// batch + recipient + asset + amount + description + the row's occurrence among identical rows:
    /// two identical rows stay two payouts, and the same file re-run gives the same ids.
    /// </summary>
    private string BatchClientId(string user, string asset, string amountText, string? description)
    {
        var key = string.Join("\u001f", BatchId, user, asset, amountText, description ?? "");
        _occurrences.TryGetValue(key, out var seen);
        _occurrences[key] = ++seen;
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(key + "\u001f" + seen.ToString(CultureInfo.InvariantCulture)));
        return "b-" + string.Concat(hash.Take(20).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }

    /// <summary>A copy of the input row (or of the parameters) with ClientTransferId filled in.</summary>
    private PSObject RowCopy(string? clientId)
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
            existing.Value = clientId ?? existing.Value;
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

    internal XRocketTransferResult Result(XRocketTransferStatus status, PayoutRow row, Client.Models.Transfer? transfer) =>
        new(status, row.ClientTransferId, row.TelegramUserId, row.Asset, row.Amount, row.Description, transfer, row.Input);
}
