namespace XRocketPay.Sandbox;

/// <summary>The ledger: per asset, balance = start + credits − debits, available = balance − holds.</summary>
internal sealed partial class SandboxState
{
    private void SeedLedger()
    {
        foreach (var (asset, amount) in _options.StartingBalances)
        {
            _data.Ledger[asset] = new LedgerRow { Asset = asset, Start = amount };
        }
    }

    public IReadOnlyList<object> LedgerJson()
    {
        lock (_gate)
        {
            return _data.Ledger.Values.OrderBy(r => r.Asset, StringComparer.Ordinal).Select(r => r.ToJson()).ToList();
        }
    }

    public IReadOnlyList<object> BalancesJson()
    {
        lock (_gate)
        {
            return _data.Ledger.Values.OrderBy(r => r.Asset, StringComparer.Ordinal)
                .Select(r => (object)new { asset = r.Asset, balance = Money.Format(r.Balance), available = Money.Format(r.Available), holds = Money.Format(r.Holds) })
                .ToList();
        }
    }

    private LedgerRow Row(string asset)
    {
        if (!_data.Ledger.TryGetValue(asset, out var row))
        {
            row = new LedgerRow { Asset = asset };
            _data.Ledger[asset] = row;
        }

        return row;
    }

    private LedgerRow RequireAvailable(string asset, decimal amount)
    {
        var row = Row(asset);
        if (row.Available < amount)
        {
            throw Problem.Business("amount_more_than_app_balance", "Not enough funds",
                $"Available {Money.Text(row.Available)} {asset} is less than {Money.Text(amount)} {asset}.");
        }

        return row;
    }

    private void Debit(string asset, decimal amount) => RequireAvailable(asset, amount).Debits += amount;

    private void Refund(string asset, decimal amount) => Row(asset).Credits += amount;
}

internal sealed class LedgerRow
{
    public string Asset { get; set; } = "";
    public decimal Start { get; set; }
    public decimal Credits { get; set; }
    public decimal Debits { get; set; }
    public decimal Holds { get; set; }
    public decimal Balance => Start + Credits - Debits;
    public decimal Available => Balance - Holds;

    public object ToJson() => new
    {
        asset = Asset, start = Money.Format(Start), credits = Money.Format(Credits), debits = Money.Format(Debits),
        balance = Money.Format(Balance), holds = Money.Format(Holds), available = Money.Format(Available),
    };
}
