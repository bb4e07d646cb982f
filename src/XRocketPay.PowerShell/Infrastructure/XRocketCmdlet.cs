using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using XRocketPay.Client;
using XRocketPay.Client.Models;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// What every cmdlet that talks to the API shares: Ctrl+C cancelling in-flight HTTP, core calls run off
/// the pipeline thread with their trace lines written on it, list streaming with -First/-Skip, and
/// exceptions turned into error records with stable ids.
/// </summary>
public abstract class XRocketCmdletBase : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    protected CancellationToken StopToken => _stopping.Token;

    /// <summary>The connection, resolved only when a request is about to be sent (so -WhatIf needs none).</summary>
    protected abstract XRocketConnection ActiveConnection { get; }

    protected override void StopProcessing() => _stopping.Cancel();

    public void Dispose()
    {
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs one core call; verbose/debug lines of its HTTP attempts are written here.</summary>
    protected T Call<T>(Func<XRocketClient, CancellationToken, Task<T>> call)
    {
        var client = ActiveConnection.Client;
        return PipelineMessagePump.Run(this, () => call(client, StopToken));
    }

    protected void Call(Func<XRocketClient, CancellationToken, Task> call) =>
        Call<bool>(async (client, token) =>
        {
            await call(client, token).ConfigureAwait(false);
            return true;
        });

    /// <summary>Writes a list page by page (nothing buffered), honouring -First, -Skip and -IncludeTotalCount.</summary>
    protected void WriteList<T>(Func<XRocketClient, string?, CancellationToken, Task<XRocketPage<T>>> fetchPage)
    {
        var skip = PagingParameters?.Skip ?? 0;
        var first = PagingParameters?.First ?? ulong.MaxValue;
        ulong written = 0, skipped = 0;
        string? cursor = null;
        var totalReported = false;
        do
        {
            var page = Call((client, token) => fetchPage(client, cursor, token));
            if (!totalReported && PagingParameters?.IncludeTotalCount == true)
            {
                totalReported = true;
                var total = page.Pagination?.Total;
                WriteObject(PagingParameters.NewTotalCount(total is { } t ? (ulong)t : 0, total is null ? 0.0 : 1.0));
            }

            foreach (var item in page.Items)
            {
                if (skipped < skip)
                {
                    skipped++;
                    continue;
                }

                if (written >= first)
                {
                    return;
                }

                WriteObject(item);
                written++;
            }

            cursor = page.Next;
        }
        while (!string.IsNullOrEmpty(cursor) && written < first);
    }

    /// <summary>Writes a failed call as a non-terminating error about <paramref name="target"/>; the pipeline goes on.</summary>
    protected void WriteFailure(Exception exception, object? target)
    {
        if (exception is OperationCanceledException && StopToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }

        WriteError(ErrorRecords.From(exception, target));
    }

    /// <summary>Runs <paramref name="action"/> and reports a core failure as an error record about <paramref name="target"/>.</summary>
    protected void Try(object? target, Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (ex is XRocketException or OperationCanceledException or ArgumentException or FormatException)
        {
            WriteFailure(ex, target);
        }
    }
}

/// <summary>An API cmdlet: -Connection, or else the connection Connect-XRocket stored for this session.</summary>
public abstract class XRocketCmdlet : XRocketCmdletBase
{
    /// <summary>The connection to use instead of the one Connect-XRocket stored for this session.</summary>
    [Parameter]
    public XRocketConnection? Connection { get; set; }

    protected override XRocketConnection ActiveConnection
    {
        get
        {
            var connection = Connection ?? ConnectionStore.Current;
            if (connection is null)
            {
                // Terminating: no row can work without a connection.
                ThrowTerminatingError(ErrorRecords.Input(InputErrorIds.NotConnected,
                    "Not connected to xRocket Pay. Run Connect-XRocket first (or pass -Connection).", null, ErrorCategory.ConnectionError));
            }

            return connection!;
        }
    }
}

internal static class ParameterSets
{
    public const string List = "List";
    public const string ById = "ById";
    public const string ByClientId = "ByClientId";

    /// <summary>The object named by whichever of the two parameter sets was used.</summary>
    public static XRocketRef Reference(string? id, string? clientId) =>
        id is { Length: > 0 } ? XRocketRef.ById(id) : XRocketRef.ByClientId(clientId ?? "");
}

internal static class Amounts
{
    /// <summary>Checks a money parameter; writes an InvalidAmount/MissingParameter error about <paramref name="target"/> when it is not usable.</summary>
    public static bool TryRead(this PSCmdlet cmdlet, AmountArgument? argument, string name, bool required, object? target, out decimal? amount)
    {
        amount = null;
        if (argument is null || (argument.RawText.Trim().Length == 0 && !argument.IsValid && !required))
        {
            if (!required)
            {
                return true;
            }

            cmdlet.WriteError(ErrorRecords.Input(InputErrorIds.MissingParameter, $"-{name} is required. Nothing was sent.", target));
            return false;
        }

        if (!argument.IsValid)
        {
            cmdlet.WriteError(ErrorRecords.Input(InputErrorIds.InvalidAmount, $"-{name}: {argument.Error} Nothing was sent.", target));
            return false;
        }

        amount = argument.Value;
        return true;
    }

    /// <summary>The bound parameters as an object: the TargetObject of errors of single-object commands.</summary>
    public static PSObject BoundTarget(this PSCmdlet cmdlet)
    {
        var target = new PSObject();
        foreach (var pair in cmdlet.MyInvocation.BoundParameters)
        {
            if (pair.Value is not System.Security.SecureString && pair.Key != "Connection")
            {
                target.Properties.Add(new PSNoteProperty(pair.Key, pair.Value is AmountArgument a ? a.RawText : pair.Value));
            }
        }

        return target;
    }
}
