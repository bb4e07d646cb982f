using System.Globalization;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// What the API documents about inputs, checked before anything is sent (issue 14 items 6-7, issue 10 item 4).
/// Each rule cites its source in docs/api/SOURCES.md. Address shapes are left to the server: a rule we
/// invented could block a real payout. Each check returns the error record to write, or null.
/// </summary>
internal static class InputRules
{
    /// <summary>SOURCES §2 "Network codes": TON, BSC, ETH, BTC, TRX, SOL (S3, S4, S6); used when the currencies list cannot be read.</summary>
    /// <summary>The networks known offline: those of the one offline currency list (<see cref="CompletionCatalog.Offline"/>).</summary>
    internal static readonly string[] KnownNetworks = CompletionCatalog.Offline.SelectMany(c => c.Networks).Select(n => n.Code).Distinct().ToArray();


    /// <summary>SOURCES §5.6 and §5.13: description ≤ 1000 (S2, S3).</summary>
    internal const int MaxDescription = 1000;

    /// <summary>SOURCES §5.22: comment ≤ 50 (S6, kept by S2/S3).</summary>
    internal const int MaxComment = 50;

    /// <summary>SOURCES §5.13: password ≤ 100, target ≤ 100 (S2, S3).</summary>
    internal const int MaxPassword = 100;

    /// <summary>SOURCES §5.6: callbackUrl, successUrl, cancelUrl ≤ 500 (S4).</summary>
    internal const int MaxUrl = 500;

    /// <summary>SOURCES §5.8: invoiceId / clientInvoiceId maxLength 100 (S4); used for every server id.</summary>
    internal const int MaxId = 100;

    /// <summary>
    /// A money parameter or column named <paramref name="name"/>, as the core read it: the error record to write
    /// when it is not usable (about <paramref name="target"/>), else null with the amount (null for an optional
    /// amount left out). Given but empty is MissingParameter for every cmdlet; given but not money is InvalidAmount.
    /// </summary>
    internal static ErrorRecord? Amount(XRocketAmount? given, string name, bool required, object? target, out decimal? amount)
    {
        amount = null;
        if (given is null || given.IsMissing)
        {
            return given is null && !required ? null
                : ErrorRecords.Input(ModuleErrorIds.MissingParameter, $"-{name} is {(given is null ? "required" : "empty")}. {(required ? "" : "Leave it out for none. ")}Nothing was sent.", target);
        }

        if (!given.IsValid)
        {
            return ErrorRecords.Input(ModuleErrorIds.InvalidAmount, $"-{name}: {given.Error} Nothing was sent.", target);
        }

        amount = given.Value;
        return null;
    }

    /// <summary>
    /// An asset or currency code checked against the connection's currencies list (SOURCES §5.4: the runtime
    /// list wins, S4). <paramref name="cryptoOnly"/>: a fiat code is refused too, and when not connected (a
    /// -WhatIf run) the code is checked against the offline catalogue, and the message says so. Connected but the
    /// read failed: only the server can tell, and nothing is refused here.
    /// </summary>
    internal static ErrorRecord? Asset(XRocketConnection? connection, string code, string name, object? target, bool cryptoOnly = true, string? fiatHint = null)
    {
        if (code.Trim().Length == 0)
        {
            return Missing(name, target);
        }

        var offline = cryptoOnly && (connection ?? ConnectionStore.Current) is null;
        if ((offline ? CompletionCatalog.Offline : Currencies.Load(connection)) is not { } list)
        {
            return null;
        }

        var usable = list.Where(c => !cryptoOnly || !string.Equals(c.Kind, "fiat", StringComparison.OrdinalIgnoreCase)).ToList();
        if (usable.Any(c => string.Equals(c.Code, code.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var known = string.Join(", ", usable.Select(c => c.Code));
        var isFiat = list.Any(c => string.Equals(c.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));
        var message = isFiat
            ? $"-{name} '{code.Trim()}' is a fiat currency; a crypto asset is needed here.{fiatHint} Known assets: {known}."
            : $"-{name} '{Shorten(code)}' is not a known {(cryptoOnly ? "asset" : "currency")}. Known: {known}.";
        var source = offline ? " (Not connected: checked against the offline catalogue; Connect-XRocket checks the live list.)" : "";
        return ErrorRecords.Input(ModuleErrorIds.UnknownAsset, message + source + " Nothing was sent.", target);
    }

    /// <summary>A fiat currency code from the connection's currencies list (a crypto code is refused); no list: only the server can tell.</summary>
    internal static ErrorRecord? Fiat(XRocketConnection? connection, string code, string name, object? target)
    {
        if (code.Trim().Length == 0)
        {
            return Missing(name, target);
        }

        var fiat = Currencies.Load(connection)?.Where(c => string.Equals(c.Kind, "fiat", StringComparison.OrdinalIgnoreCase)).Select(c => c.Code).ToList();
        return fiat is null || fiat.Contains(code.Trim(), StringComparer.OrdinalIgnoreCase) ? null
            : ErrorRecords.Input(ModuleErrorIds.UnknownAsset, $"-{name} '{Shorten(code)}' is not a known fiat currency. Known: {string.Join(", ", fiat)}. Nothing was sent.", target);
    }

    /// <summary>
    /// A callback payload (SOURCES §8.3: a JSON object of at most 4 KB): a hashtable, an object, or the
    /// JSON text of an object (a CSV column). Null or empty is "none".
    /// </summary>
    internal static ErrorRecord? CallbackPayload(object? value, string name, object? target, out System.Text.Json.JsonElement? payload)
    {
        payload = null;
        var unwrapped = value is PSObject wrapped ? wrapped.BaseObject : value;
        if (unwrapped is null || (unwrapped is string text && text.Trim().Length == 0))
        {
            return null;
        }

        string? problem;
        try
        {
            var json = JsonObjects.FromPSObject(value);
            problem = Client.Models.Callback.PayloadProblem(json);
            payload = problem is null ? json : null;
        }
        catch (FormatException ex)
        {
            problem = $"it cannot be sent as JSON: {ex.Message}.";
        }

        return problem is null ? null
            : ErrorRecords.Input(ModuleErrorIds.InvalidParameter, $"-{name}: {problem} Nothing was sent.", target);
    }

    /// <summary>A network code: the networks of the currencies list, else the documented codes (SOURCES §2).</summary>
    internal static ErrorRecord? Network(XRocketConnection? connection, string code, string name, object? target)
    {
        if (code.Trim().Length == 0)
        {
            return Missing(name, target);
        }

        var known = Currencies.Load(connection)?.SelectMany(c => c.Networks).Select(n => n.Code).Distinct(StringComparer.OrdinalIgnoreCase).ToArray() is { Length: > 0 } live ? live : KnownNetworks;
        return known.Contains(code.Trim(), StringComparer.OrdinalIgnoreCase) ? null
            : ErrorRecords.Input(ModuleErrorIds.UnknownNetwork, $"-{name} '{Shorten(code)}' is not a known network. Known: {string.Join(", ", known)}. Nothing was sent.", target);
    }

    /// <summary>
    /// A client id the caller gave: blank is refused, never replaced by a random one (that would lose the
    /// double-payment guard); ≤ 50 characters (SOURCES §5.13, §5.22: clientChequeId, clientWithdrawalId ≤ 50, S3/S6).
    /// Null or empty (an empty CSV cell) is "not given".
    /// </summary>
    internal static ErrorRecord? ClientId(string? given, string name, object? target)
    {
        if (string.IsNullOrEmpty(given))
        {
            return null;
        }

        if (given!.Trim().Length == 0)
        {
            return ErrorRecords.Input(ModuleErrorIds.InvalidParameter, $"-{name} is blank. Give a real id, or leave it out for a new one. Nothing was sent.", target);
        }

        return given.Trim().Length > ClientIds.MaxLength
            ? ErrorRecords.Input(ModuleErrorIds.InvalidParameter, $"-{name} has {given.Trim().Length} characters; at most {ClientIds.MaxLength} are allowed. Nothing was sent.", target)
            : null;
    }

    /// <summary>An id that names an existing object: not blank, ≤ 100 characters (SOURCES §5.8).</summary>
    internal static ErrorRecord? ObjectId(string? id, string name, object? target)
    {
        if (id is null || id.Trim().Length == 0)
        {
            return ErrorRecords.Input(ModuleErrorIds.MissingParameter, $"-{name} is {(id is null ? "required" : "blank")}. Nothing was sent.", target);
        }

        return id.Trim().Length > MaxId
            ? ErrorRecords.Input(ModuleErrorIds.InvalidParameter, $"-{name} has {id.Trim().Length} characters; at most {MaxId} are allowed. Nothing was sent.", target)
            : null;
    }

    /// <summary>A free text with a documented limit.</summary>
    internal static ErrorRecord? Text(string? value, string name, int max, object? target) =>
        value is { } text && text.Length > max
            ? ErrorRecords.Input(ModuleErrorIds.InvalidParameter, $"-{name} has {text.Length} characters; at most {max} are allowed. Nothing was sent.", target)
            : null;

    /// <summary>A callback or redirect URL: an absolute http(s) URL of at most 500 characters (SOURCES §5.6).</summary>
    /// <summary>
    /// The -CallbackUrl and -CallbackPayload of a create, checked together: the error record for the first that is
    /// not usable, else null with the callback to send (null when neither is given).
    /// </summary>
    internal static ErrorRecord? Callback(string? url, object? payload, object? target, out Client.Models.Callback? callback)
    {
        callback = null;
        System.Text.Json.JsonElement? json = null;
        if ((Url(url, "CallbackUrl", target) ?? CallbackPayload(payload, "CallbackPayload", target, out json)) is { } error)
        {
            return error;
        }

        callback = Client.Models.Callback.For(string.IsNullOrWhiteSpace(url) ? null : url!.Trim(), json);
        return null;
    }

    internal static ErrorRecord? Url(string? value, string name, object? target)
    {
        if (value is null)
        {
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Host.Length == 0)
        {
            return ErrorRecords.Input(ModuleErrorIds.InvalidParameter, $"-{name} '{Shorten(value)}' is not an absolute http or https URL. Nothing was sent.", target);
        }

        return Text(value, name, MaxUrl, target);
    }

    /// <summary>A Telegram user id: a positive whole number written plainly (no sign, no leading zeros).</summary>
    internal static ErrorRecord? TelegramUserId(string? value, string name, object? target)
    {
        var text = value?.Trim() ?? "";
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 && id.ToString(CultureInfo.InvariantCulture) == text
            ? null
            : ErrorRecords.Input(ModuleErrorIds.InvalidParameter, $"-{name} '{Shorten(value ?? "")}' is not a Telegram user id (a positive whole number without leading zeros). Nothing was sent.", target);
    }


    /// <summary>A -From/-To window: a -From later than -To can match nothing, so it is refused rather than answered with silence.</summary>
    internal static ErrorRecord? DateRange(DateTimeOffset? from, DateTimeOffset? to, object? target) =>
        from is { } start && to is { } end && start > end
            ? ErrorRecords.Input(ModuleErrorIds.InvalidParameter, $"-From ({start.ToString("u", CultureInfo.InvariantCulture)}) is later than -To ({end.ToString("u", CultureInfo.InvariantCulture)}): no object can lie between them. Swap them. Nothing was sent.", target)
            : null;

    internal static ErrorRecord Missing(string name, object? target) =>
        ErrorRecords.Input(ModuleErrorIds.MissingParameter, $"-{name} is empty. Nothing was sent.", target);

    internal static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + $"… ({text.Length} characters)";
}
