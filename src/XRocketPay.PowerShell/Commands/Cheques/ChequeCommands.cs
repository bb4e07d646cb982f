using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using System.Runtime.InteropServices;
using System.Security;
using XRocketPay.Client;
using XRocketPay.Client.Models;
using XRocketPay.PowerShell.Infrastructure;

namespace XRocketPay.PowerShell.Commands.Cheques;

/// <summary>Creates a cheque: funds are held until a Telegram user activates it or it is removed.</summary>
[Cmdlet(VerbsCommon.New, "XRocketCheque", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Cheque))]
public sealed class NewXRocketChequeCommand : XRocketCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Currency")]
    [ArgumentCompleter(typeof(AssetCompleter))]
    public string Asset { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [MoneyTransformation]
    public AmountArgument? Amount { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    /// <summary>The recipient must enter it to activate the cheque.</summary>
    [Parameter]
    public SecureString? Password { get; set; }

    /// <summary>Only this Telegram user can activate the cheque.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("UserId", "Target")]
    public string? TelegramUserId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? ClientChequeId { get; set; }

    [Parameter]
    public string? CallbackUrl { get; set; }

    protected override void ProcessRecord()
    {
        var target = this.BoundTarget();
        if (!this.TryRead(Amount, nameof(Amount), required: true, target, out var amount))
        {
            return;
        }

        var asset = Asset.Trim().ToUpperInvariant();
        var clientId = string.IsNullOrWhiteSpace(ClientChequeId) ? "xrp-" + Guid.NewGuid().ToString("N") : ClientChequeId!.Trim();
        target.Properties.Add(new PSNoteProperty("ResolvedClientChequeId", clientId));
        var recipient = TelegramUserId is { Length: > 0 } user ? $" for Telegram user {user}" : "";
        if (!ShouldProcess($"Cheque {clientId}", $"Create a cheque of {XRocketMoney.Format(amount!.Value)} {asset}{recipient} (the amount is held)"))
        {
            return;
        }

        var request = new CreateChequeRequest
        {
            Asset = asset,
            Amount = amount.Value,
            Description = Description,
            Password = Password is null ? null : Plain(Password),
            Target = string.IsNullOrWhiteSpace(TelegramUserId) ? null : TelegramUserId!.Trim(),
            TargetType = string.IsNullOrWhiteSpace(TelegramUserId) ? null : TargetTypes.TelegramUserId,
            ClientChequeId = clientId,
            Callback = CallbackUrl is null ? null : new Callback { CallbackUrl = CallbackUrl },
        };
        Try(target, () =>
        {
            var created = Call((client, ct) => client.CreateChequeAsync(request, ct));
            if (created.Outcome == XRocketOutcome.AlreadyDone)
            {
                WriteWarning($"Cheque with client id '{clientId}' already existed with the same data; returning it, nothing new was created.");
            }

            WriteObject(created.Value);
        });
    }

    private static string Plain(SecureString secure)
    {
        var pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
        try
        {
            return Marshal.PtrToStringUni(pointer) ?? "";
        }
        finally
        {
            Marshal.ZeroFreeGlobalAllocUnicode(pointer);
        }
    }
}

/// <summary>Gets a cheque by id or client id, or lists cheques.</summary>
[Cmdlet(VerbsCommon.Get, "XRocketCheque", DefaultParameterSetName = ParameterSets.List, SupportsPaging = true)]
[OutputType(typeof(Cheque))]
public sealed class GetXRocketChequeCommand : GetOrListCmdlet<Cheque>
{
    [Parameter(ParameterSetName = ParameterSets.ById, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ChequeId")]
    public string? Id { get; set; }

    [Parameter(ParameterSetName = ParameterSets.ByClientId, Mandatory = true)]
    public string? ClientChequeId { get; set; }

    [Parameter(ParameterSetName = ParameterSets.List)]
    public string? State { get; set; }

    [Parameter(ParameterSetName = ParameterSets.List)]
    public string? TelegramUserId { get; set; }

    [Parameter(ParameterSetName = ParameterSets.List)]
    public DateTimeOffset? From { get; set; }

    [Parameter(ParameterSetName = ParameterSets.List)]
    public DateTimeOffset? To { get; set; }

    protected override string? ServerId => Id;

    protected override string? ClientId => ClientChequeId;

    protected override ListFilter Filter() => new() { State = State, Target = TelegramUserId, FromDate = From, ToDate = To };

    protected override Task<Cheque> GetAsync(XRocketClient client, XRocketRef reference, CancellationToken cancellationToken) =>
        client.GetChequeAsync(reference, cancellationToken);

    protected override Task<XRocketPage<Cheque>> ListPageAsync(XRocketClient client, ListFilter filter, string? cursor, CancellationToken cancellationToken) =>
        client.ListChequesPageAsync(filter, cursor, cancellationToken);
}

/// <summary>Changes a cheque's description (an empty string clears it).</summary>
[Cmdlet(VerbsCommon.Set, "XRocketCheque", DefaultParameterSetName = ParameterSets.ById, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Cheque))]
public sealed class SetXRocketChequeCommand : XRocketCmdlet
{
    [Parameter(ParameterSetName = ParameterSets.ById, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ChequeId")]
    public string? Id { get; set; }

    [Parameter(ParameterSetName = ParameterSets.ByClientId, Mandatory = true)]
    public string? ClientChequeId { get; set; }

    [Parameter(Mandatory = true)]
    [AllowEmptyString]
    public string Description { get; set; } = "";

    protected override void ProcessRecord()
    {
        var reference = ParameterSets.Reference(Id, ClientChequeId);
        if (!ShouldProcess($"Cheque {reference}", "Set the description"))
        {
            return;
        }

        Try(Id ?? ClientChequeId, () => WriteObject(Call((client, ct) => client.UpdateChequeAsync(reference, Description, ct))));
    }
}

/// <summary>Deletes an active cheque; its held funds return to the balance.</summary>
[Cmdlet(VerbsCommon.Remove, "XRocketCheque", DefaultParameterSetName = ParameterSets.ById, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
public sealed class RemoveXRocketChequeCommand : XRocketCmdlet
{
    [Parameter(ParameterSetName = ParameterSets.ById, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ChequeId")]
    public string? Id { get; set; }

    [Parameter(ParameterSetName = ParameterSets.ByClientId, Mandatory = true)]
    public string? ClientChequeId { get; set; }

    protected override void ProcessRecord()
    {
        var reference = ParameterSets.Reference(Id, ClientChequeId);
        if (ShouldProcess($"Cheque {reference}", "Delete the cheque (its held funds are released)"))
        {
            Try(Id ?? ClientChequeId, () => Call((client, ct) => client.DeleteChequeAsync(reference, ct)));
        }
    }
}
