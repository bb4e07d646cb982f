using System.Globalization;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// What the API documents about inputs, checked before anything is sent (issue 14 items 6-7, issue 10 item 4).
/// Each rule cites its source in /work/shared/api/EVIDENCE.md. Address shapes are left to the server: a rule we
/// invented could block a real payout. Each check returns the error record to write, or null.
/// </summary>
internal static class InputRules
{
    /// <summary>EVIDENCE §2 "Network codes": TON, BSC, ETH, BTC, TRX, SOL (S3, S4, S6); used when the currencies list cannot be read.</summary>
    internal static readonly string[] KnownNetworks = { "TON", "BSC", "ETH", "BTC", "TRX", "SOL" };

    /// <summary>EVIDENCE §4: invoice status (S4). Extensible: an unknown value is a warning, then sent.</summary>
    internal static readonly string[] InvoiceStatuses = { "active", "paid", "partially_paid", "expired", "cancelled" };

    /// <summary>EVIDENCE §4 and §5.14: cheque state (S2, S3).</summary>
    internal static readonly string[] ChequeStates = { "active", "completed", "draft", "error" };

    /// <summary>EVIDENCE §5.23: withdrawal status CREATED/COMPLETED/FAIL (S2, S3).</summary>
    internal static readonly string[] WithdrawalStatuses = { "CREATED", "COMPLETED", "FAIL" };

    /// <summary>EVIDENCE §5.6 and §5.13: description ≤ 1000 (S2, S3).</summary>
    internal const int MaxDescription = 1000;

    /// <summary>EVIDENCE §5.22: comment ≤ 50 (S6, kept by S2/S3).</summary>
    internal const int MaxComment = 50;

    /// <summary>EVIDENCE §5.13: password ≤ 100, target ≤ 100 (S2, S3).</summary>
    internal const int MaxPassword = 100;

    /// <summary>EVIDENCE §5.6: callbackUrl, successUrl, cancelUrl ≤ 500 (S4).</summary>
    internal const int MaxUrl = 500;

    /// <summary>EVIDENCE §5.8: invoiceId / clientInvoiceId maxLength 100 (S4); used for every server id.</summary>
    internal const int MaxId = 100;

    internal const string UnknownAsset = "UnknownAsset";
    internal const string UnknownNetwork = "UnknownNetwork";
    internal const string ConflictingColumns = "ConflictingColumns";

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
                : ErrorRecords.Input(InputErrorIds.MissingParameter, $"-{name} is {(given is null ? "required" : "empty")}. {(required ? "" : "Leave it out for none. ")}Nothing was sent.", target);
        }

        if (!given.IsValid)
        {
            return ErrorRecords.Input(InputErrorIds.InvalidAmount, $"-{name}: {given.Error} Nothing was sent.", target);
        }

        amount = given.Value;
        return null;
    }

    /// <summary>
    /// An asset or currency code checked against the connection's currencies list (EVIDENCE §5.4: the runtime
    /// list wins, S4). <paramref name="cryptoOnly"/>: a fiat code is refused too, and when not connected (a
    /// -WhatIf run) the code is checked against the offline catalogue, and the message says so. Connected but the read failed: only the
    /// server can tell, and nothing is refused here.
    /// </summary>
    internal static ErrorRecord? Asset(XRocketConnection? connection, string code, string name, object? target, bool cryptoOnly = true)
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
            ? $"-{name} '{code.Trim()}' is a fiat currency; a crypto asset is needed here. Known assets: {known}."
            : $"-{name} '{Shorten(code)}' is not a known {(cryptoOnly ? "asset" : "currency")}. Known: {known}.";
        var source = offline ? " (Not connected: checked against the offline catalogue; Connect-XRocket checks the live list.)" : "";
        return ErrorRecords.Input(UnknownAsset, message + source + " Nothing was sent.", target);
    }

    /// <summary>A network code: the networks of the currencies list, else the documented codes (EVIDENCE §2).</summary>
    internal static ErrorRecord? Network(XRocketConnection? connection, string code, string name, object? target)
    {
        if (code.Trim().Length == 0)
        {
            return Missing(name, target);
        }

        var known = Currencies.Load(connection)?.SelectMany(c => c.Networks).Select(n => n.Code).Distinct(StringComparer.OrdinalIgnoreCase).ToArray() is { Length: > 0 } live ? live : KnownNetworks;
        return known.Contains(code.Trim(), StringComparer.OrdinalIgnoreCase) ? null
            : ErrorRecords.Input(UnknownNetwork, $"-{name} '{Shorten(code)}' is not a known network. Known: {string.Join(", ", known)}. Nothing was sent.", target);
    }

    /// <summary>
    /// A client id the caller gave: blank is refused, never replaced by a random one (that would lose the
    /// double-payment guard); ≤ 50 characters (EVIDENCE §5.13, §5.22: clientChequeId, clientWithdrawalId ≤ 50, S3/S6).
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
            return ErrorRecords.Input(InputErrorIds.InvalidParameter, $"-{name} is blank. Give a real id, or leave it out for a new one. Nothing was sent.", target);
        }

        return given.Trim().Length > ClientIds.MaxLength
            ? ErrorRecords.Input(InputErrorIds.InvalidParameter, $"-{name} has {given.Trim().Length} characters; at most {ClientIds.MaxLength} are allowed. Nothing was sent.", target)
            : null;
    }

    /// <summary>An id that names an existing object: not blank, ≤ 100 characters (EVIDENCE §5.8).</summary>
    internal static ErrorRecord? ObjectId(string? id, string name, object? target)
    {
        if (id is null || id.Trim().Length == 0)
        {
            return ErrorRecords.Input(InputErrorIds.MissingParameter, $"-{name} is {(id is null ? "required" : "blank")}. Nothing was sent.", target);
        }

        return id.Trim().Length > MaxId
            ? ErrorRecords.Input(InputErrorIds.InvalidParameter, $"-{name} has {id.Trim().Length} characters; at most {MaxId} are allowed. Nothing was sent.", target)
            : null;
    }

    /// <summary>A free text with a documented limit.</summary>
    internal static ErrorRecord? Text(string? value, string name, int max, object? target) =>
        value is { } text && text.Length > max
            ? ErrorRecords.Input(InputErrorIds.InvalidParameter, $"-{name} has {text.Length} characters; at most {max} are allowed. Nothing was sent.", target)
            : null;

    /// <summary>A callback or redirect URL: an absolute http(s) URL of at most 500 characters (EVIDENCE §5.6).</summary>
    internal static ErrorRecord? Url(string? value, string name, object? target)
    {
        if (value is null)
        {
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Host.Length == 0)
        {
            return ErrorRecords.Input(InputErrorIds.InvalidParameter, $"-{name} '{Shorten(value)}' is not an absolute http or https URL. Nothing was sent.", target);
        }

        return Text(value, name, MaxUrl, target);
    }

    /// <summary>A Telegram user id: a positive whole number written plainly (no sign, no leading zeros).</summary>
    internal static ErrorRecord? TelegramUserId(string? value, string name, object? target)
    {
        var text = value?.Trim() ?? "";
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 && id.ToString(CultureInfo.InvariantCulture) == text
            ? null
            : ErrorRecords.Input(InputErrorIds.InvalidParameter, $"-{name} '{Shorten(value ?? "")}' is not a Telegram user id (a positive whole number without leading zeros). Nothing was sent.", target);
    }

    /// <summary>A status filter: an unknown value is a warning naming the known ones (statuses stay extensible: it is still sent).</summary>
    internal static string? StatusWarning(string? value, string name, IReadOnlyCollection<string> known, bool ignoreCase = false) =>
        value is null || known.Contains(value, ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal) ? null
            : $"-{name} '{Shorten(value)}' is not a known value (known: {string.Join(", ", known)}); it is used as given, and may match nothing.";

    internal static ErrorRecord Missing(string name, object? target) =>
        ErrorRecords.Input(InputErrorIds.MissingParameter, $"-{name} is empty. Nothing was sent.", target);

    private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + $"… ({text.Length} characters)";
}
