namespace XRocketPay.Client;

/// <summary>
/// "Same object?", the one rule of every create whose client id is found taken (transfers, mass-transfer
/// rows, cheques, invoices, withdrawals): the existing object is the one asked for when no field the API shows
/// differs. Identities (a recipient, an address) are compared exactly; codes of the API's catalogue (an asset,
/// a currency, a network) case-insensitively: the API names each by one upper-case code from its runtime list
/// (SOURCES §2, asset and network codes; N7 sends the coin upper-cased), so a code in another case names the
/// same thing; amounts by value, so 1.50 is 1.5 (money is decimal end to end). A field the API did not show
/// is not compared.
/// </summary>
internal static class SameObject
{
    /// <summary>The names of the fields that differ; empty when it is the same object.</summary>
    public static IReadOnlyList<string> Differences(params Field[] fields) =>
        fields.Where(f => f.Differs).Select(f => f.Name).ToList();

    /// <summary>An identity (a recipient, an address), compared exactly.</summary>
    public static Field Identity(string name, string? existing, string? requested) =>
        new(name, existing is not null && !string.Equals(existing, requested, StringComparison.Ordinal));

    /// <summary>A catalogue code (an asset, a currency, a network), compared case-insensitively.</summary>
    public static Field Code(string name, string? existing, string? requested) =>
        new(name, existing is not null && !string.Equals(existing, requested, StringComparison.OrdinalIgnoreCase));

    /// <summary>An amount, compared by value.</summary>
    public static Field Amount(string name, decimal? existing, decimal? requested) =>
        new(name, existing is { } value && value != requested);

    /// <summary>One compared field: its name on the wire, and whether the existing object differs in it.</summary>
    public readonly struct Field
    {
        public Field(string name, bool differs)
        {
            Name = name;
            Differs = differs;
        }

        public string Name { get; }

        public bool Differs { get; }
    }
}
