namespace XRocketPay.Client;

/// <summary>
/// Rows of one run identical to an earlier row (recipient, asset, amount by value, description). Two identical
/// rows are two payouts (a payroll may pay one person twice) and each has an id of its own, so both are paid:
/// they are named, with the earlier row's number, not refused (issue 28 item 7). 12 bytes a row.
/// </summary>
public sealed class DuplicateRows
{
    private readonly Dictionary<ulong, int> _first = new();

    /// <summary>Rows found identical to an earlier one so far.</summary>
    public int Count { get; private set; }

    /// <summary>The number of the earlier identical row (1: the first row), or 0 when <paramref name="row"/> is the first of its kind.</summary>
    public int Add(int row, string target, string asset, decimal amount, string? description)
    {
        var key = CompactId.Of(string.Join("\u001f", target, asset.ToUpperInvariant(), XRocketMoney.Format(amount), description ?? ""));
        if (_first.TryGetValue(key, out var first))
        {
            Count++;
            return first;
        }

        _first[key] = row;
        return 0;
    }
}
