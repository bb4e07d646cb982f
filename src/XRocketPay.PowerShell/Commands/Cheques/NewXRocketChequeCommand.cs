using System.Security;

namespace XRocketPay.PowerShell.Commands.Cheques;

/// <summary>Creates a cheque: funds are held until a Telegram user activates it or it is removed.</summary>
[Cmdlet(VerbsCommon.New, "XRocketCheque", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Cheque))]
public sealed class NewXRocketChequeCommand : XRocketCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Currency")]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(AssetCompleter))]
    public string Asset { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [MoneyTransformation]
    public XRocketAmount? Amount { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    /// <summary>The recipient must enter it to activate the cheque.</summary>
    [Parameter]
    public SecureString? Password { get; set; }

    /// <summary>Only this Telegram user can activate the cheque.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("UserId", "user_id", "tg_user_id", "Target", "TelegramId", "telegram_user_id")]
    public string? TelegramUserId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string? ClientChequeId { get; set; }

    [Parameter]
    public string? CallbackUrl { get; set; }

    /// <summary>A hashtable or object (or its JSON text) sent as callback.payload and echoed in webhooks; at most 4 KB as JSON.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    public object? CallbackPayload { get; set; }

    protected override void ProcessRecord()
    {
        var (clientId, target) = CreateTarget(ClientChequeId, nameof(ClientChequeId));
        // SOURCES §5.13: clientChequeId ≤ 50, description ≤ 1000, password ≤ 100; the asset from the currencies list.
        decimal? amount = null;
        Callback? callback = null;
        var error = InputRules.ClientId(ClientChequeId, nameof(ClientChequeId), target)
            ?? InputRules.Asset(ReferenceConnection, Asset, nameof(Asset), target)
            ?? InputRules.Amount(Amount, nameof(Amount), required: true, target, out amount)
            ?? InputRules.Text(Description, nameof(Description), InputRules.MaxDescription, target)
            ?? (Password is { Length: > InputRules.MaxPassword } ? InputRules.Text(new string('*', Password.Length), nameof(Password), InputRules.MaxPassword, target) : null)
            ?? (string.IsNullOrWhiteSpace(TelegramUserId) ? null : InputRules.TelegramUserId(TelegramUserId, nameof(TelegramUserId), target))
            ?? InputRules.Callback(CallbackUrl, CallbackPayload, target, out callback);
        if (error is not null)
        {
            WriteError(error);
            return;
        }

        var asset = Asset.Trim().ToUpperInvariant();
        var recipient = string.IsNullOrWhiteSpace(TelegramUserId) ? null : TelegramUserId!.Trim();
        var forWhom = TelegramUserId is { Length: > 0 } user ? $" for Telegram user {user}" : "";
        if (!Confirmed($"Cheque {clientId}", $"Create a cheque of {XRocketMoney.Format(amount!.Value)} {asset}{forWhom} (the amount is held)"))
        {
            return;
        }

        var request = new CreateChequeRequest
        {
            Asset = asset,
            Amount = amount.Value,
            Description = Description,
            Password = Password is null ? null : SecureStrings.ToPlainText(Password),
            Target = recipient,
            TargetType = recipient is null ? null : TargetTypes.TelegramUserId,
            ClientChequeId = clientId,
            Callback = callback,
        };
        WriteCreated(target, "Cheque", clientId, ", nothing new was created", (client, ct) => client.CreateChequeAsync(request, ct));
    }
}
