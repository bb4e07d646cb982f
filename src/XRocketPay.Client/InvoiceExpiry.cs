namespace XRocketPay.Client;

/// <summary>
/// The one home of an invoice's expiry on the wire: which unit <c>expiresIn</c> is sent in, and whether the
/// server read it as asked. One instance per client, so what an answer taught lasts for the connection.
/// </summary>
internal sealed class InvoiceExpiry
{
    /// <summary>The expiry that asks an invoice never to expire: <c>expiresIn</c> 0 (SOURCES §8.7: S3).</summary>
    internal static readonly TimeSpan Never = TimeSpan.Zero;

    /// <summary>What the API does with an invoice created without expiresIn: it expires after 1 hour (SOURCES §8.7: S4's default of 3 600 000 ms).</summary>
    internal static readonly TimeSpan ServerDefault = TimeSpan.FromHours(1);

    /// <summary>An expiry this many times longer (or shorter) than asked is a unit mismatch, not clock skew or rounding.</summary>
    private const double MismatchFactor = 100;

    private readonly XRocketInvoiceExpiryUnit _configured;
    private int _learned;

    internal InvoiceExpiry(XRocketInvoiceExpiryUnit configured) => _configured = configured;

    /// <summary>The configured unit, else the unit an answer showed, else <see cref="XRocketInvoiceExpiryUnit.Auto"/>.</summary>
    internal XRocketInvoiceExpiryUnit Unit => _configured != XRocketInvoiceExpiryUnit.Auto ? _configured : (XRocketInvoiceExpiryUnit)Volatile.Read(ref _learned);

    /// <summary>The unit sent now: Auto sends milliseconds (the contract) until an answer shows otherwise.</summary>
    internal XRocketInvoiceExpiryUnit SentUnit => Unit == XRocketInvoiceExpiryUnit.Seconds ? XRocketInvoiceExpiryUnit.Seconds : XRocketInvoiceExpiryUnit.Milliseconds;

    /// <summary>The wire value of <paramref name="expiry"/> in <paramref name="unit"/>; whole seconds are asked for, so nothing is cut.</summary>
    internal static long WireValue(TimeSpan expiry, XRocketInvoiceExpiryUnit unit) =>
        unit == XRocketInvoiceExpiryUnit.Seconds ? (long)Math.Ceiling(expiry.TotalSeconds) : (long)Math.Ceiling(expiry.TotalMilliseconds);

    /// <summary>
    /// Compares the invoice the server made with the expiry asked for (sent in <paramref name="sent"/>): the
    /// warning to show when the server read another unit, else null. Under Auto the server's unit is used for
    /// the rest of the connection, so only the first invoice can be wrong.
    /// </summary>
    internal string? Check(Invoice invoice, TimeSpan asked, XRocketInvoiceExpiryUnit sent, DateTimeOffset requestedAt)
    {
        if (asked == Never)
        {
            // One source says 0 never expires (SOURCES §8.7): a server that reads it otherwise is said so.
            return invoice.ExpiresAt is { } at
                ? $"Invoice {invoice.Id} was asked never to expire (expiresIn 0), but this server gave it an expiry: {Stamp(at)}. To replace it: Remove-XRocketInvoice -Id {invoice.Id}, then create it again with -ExpiresInSec."
                : null;
        }

        if (invoice.ExpiresAt is not { } expiresAt || asked < TimeSpan.Zero)
        {
            return null;
        }

        var observed = expiresAt - (invoice.CreatedAt ?? requestedAt);
        var ratio = observed.TotalMilliseconds / asked.TotalMilliseconds;
        XRocketInvoiceExpiryUnit read;
        if (sent == XRocketInvoiceExpiryUnit.Milliseconds && ratio >= MismatchFactor)
        {
            read = XRocketInvoiceExpiryUnit.Seconds;
        }
        else if (sent == XRocketInvoiceExpiryUnit.Seconds && ratio <= 1 / MismatchFactor)
        {
            read = XRocketInvoiceExpiryUnit.Milliseconds;
        }
        else if (ratio is >= 0.5 and <= 2)
        {
            read = sent;
        }
        else
        {
            return null;
        }

        if (_configured == XRocketInvoiceExpiryUnit.Auto)
        {
            Volatile.Write(ref _learned, (int)read);
        }

        if (read == sent)
        {
            return null;
        }

        var next = _configured == XRocketInvoiceExpiryUnit.Auto
            ? $"This connection now sends expiresIn in {Name(read)}, so later invoices expire when asked."
            : $"This connection was told to send {Name(sent)} (-InvoiceExpiryUnit {_configured}); connect with -InvoiceExpiryUnit {read} or Auto to send what this server reads.";
        return $"The server read the invoice's expiresIn as {Name(read)}, not {Name(sent)}: invoice {invoice.Id} was asked to expire after {Describe(asked)}, " +
            $"but it expires at {Stamp(expiresAt)} (after {Describe(observed)}). {next} " +
            $"To replace it: Remove-XRocketInvoice -Id {invoice.Id}, then create it again.";
    }

    /// <summary>When an invoice asked for <paramref name="expiry"/> expires, in words (the -WhatIf text and help say the same).</summary>
    internal static string Plan(TimeSpan? expiry) =>
        expiry is not { } asked ? $"expires after the server's default ({Describe(ServerDefault)} per the API's spec)"
        : asked == Never ? "never expires"
        : $"expires after {Describe(asked)}";

    private static string Stamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Name(XRocketInvoiceExpiryUnit unit) => unit == XRocketInvoiceExpiryUnit.Seconds ? "seconds" : "milliseconds";

    private static string Describe(TimeSpan span) =>
        span.TotalDays >= 2 ? $"{span.TotalDays.ToString("0.#", CultureInfo.InvariantCulture)} days"
        : span.TotalHours >= 1 && span.Ticks % TimeSpan.TicksPerHour == 0 ? Count(span.TotalHours, "hour")
        : span.TotalHours >= 2 ? $"{span.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)} hours"
        : span.TotalMinutes >= 1 && span.Ticks % TimeSpan.TicksPerMinute == 0 ? Count(span.TotalMinutes, "minute")
        : span.TotalMinutes >= 2 ? $"{span.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} minutes"
        : $"{span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} seconds";

    private static string Count(double whole, string unit) => $"{whole.ToString("0", CultureInfo.InvariantCulture)} {unit}{(whole == 1 ? "" : "s")}";
}
