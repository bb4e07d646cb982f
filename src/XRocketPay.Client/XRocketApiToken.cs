namespace XRocketPay.Client;

/// <summary>
/// The API token. It grants full access to the account, so it lives here and only here: the request code
/// reads it, everything else sees <see cref="Hint"/>.
/// </summary>
public sealed class XRocketApiToken
{
    private readonly string _value;

    public XRocketApiToken(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("The API token is empty.", nameof(value));
        }

        _value = value.Trim();
    }

    /// <summary>A masked hint that tells tokens apart without revealing them, such as <c>sa…en</c>.</summary>
    public string Hint => _value.Length < 12 ? "****" : _value.Substring(0, 2) + "…" + _value.Substring(_value.Length - 2);

    internal string Reveal() => _value;

    /// <summary>Replaces the token wherever it occurs in a text (a safety net for traces and error snippets).</summary>
    internal string Redact(string? text) => string.IsNullOrEmpty(text) ? text ?? "" : text!.Replace(_value, "***");

    public override string ToString() => Hint;
}
