namespace XRocketPay.Client;

/// <summary>
/// What a journal says each of its paid client ids paid (recipient, asset, amount of the row's last intent,
/// and the transfer id of its outcome), so admission can ask "same payment?" (<see cref="Outcomes.Admit"/>)
/// before skipping a row the journal knows as paid: a row corrected after it was paid is a conflict, not a
/// skip (issue 28). Fed every intent and outcome line the journal reads or writes.
/// </summary>
public sealed class JournaledPayments
{
    private readonly Dictionary<(ulong, ulong), Transfer> _intended = new();
    private readonly Dictionary<(ulong, ulong), Transfer> _paid = new();

    /// <summary>Takes one journal line: an intent is what its client id asks; a paid outcome makes it what was paid.</summary>
    public void Read(PayoutJournalLine line)
    {
        var key = CompactId.Of128(line.ClientTransferId);
        if (line.Type == PayoutJournalLine.Intent)
        {
            _intended[key] = new Transfer { ClientTransferId = line.ClientTransferId, Target = line.Target, Asset = line.Asset, Amount = line.Amount ?? 0m };
        }
        else if (line.Type == PayoutJournalLine.Outcome && Outcomes.IsPaid(line.Status) && _intended.TryGetValue(key, out var intended))
        {
            _paid[key] = new Transfer { TransferId = line.TransferId ?? "", ClientTransferId = intended.ClientTransferId, Target = intended.Target, Asset = intended.Asset, Amount = intended.Amount };
            _intended.Remove(key);
        }
    }

    /// <summary>The payment the journal records under <paramref name="clientTransferId"/>, or null when it records none (or not what it was).</summary>
    public Transfer? PaidAs(string clientTransferId) => _paid.TryGetValue(CompactId.Of128(clientTransferId), out var paid) ? paid : null;
}
