namespace XRocketPay.Client;

/// <summary>
/// The rows of a run grouped into what one request sends: one-by-one, each row; mass, chunks of one asset of
/// up to the chunk size. Needs no connection, so -WhatIf shows the requests a run would make.
/// </summary>
internal sealed class XRocketPayoutQueue
{
    private readonly Dictionary<string, List<XRocketPayoutRow>> _chunks = new(StringComparer.Ordinal);

    public XRocketPayoutQueue(XRocketPayoutMode mode, int chunkSize = XRocketPayoutLimits.MassTransferRows)
    {
        if (chunkSize is < 1 or > XRocketPayoutLimits.MassTransferRows)
        {
            throw new ArgumentOutOfRangeException(nameof(chunkSize), chunkSize, $"A chunk holds 1 to {XRocketPayoutLimits.MassTransferRows} rows.");
        }

        Mode = mode;
        ChunkSize = chunkSize;
    }

    public XRocketPayoutMode Mode { get; }
    public int ChunkSize { get; }

    /// <summary>Queues a row: the rows to send now (one-by-one: this row; mass: a full chunk), or null.</summary>
    public IReadOnlyList<XRocketPayoutRow>? Add(XRocketPayoutRow row)
    {
        if (Mode == XRocketPayoutMode.OneByOne)
        {
            return new[] { row };
        }

        if (!_chunks.TryGetValue(row.Asset, out var chunk))
        {
            _chunks[row.Asset] = chunk = new List<XRocketPayoutRow>();
        }

        chunk.Add(row);
        if (chunk.Count < ChunkSize)
        {
            return null;
        }

        _chunks.Remove(row.Asset);
        return chunk;
    }

    /// <summary>The chunks still queued at the end of the input (each of one asset); the queue is then empty.</summary>
    public IReadOnlyList<IReadOnlyList<XRocketPayoutRow>> Remaining()
    {
        var chunks = _chunks.Values.Where(c => c.Count > 0).Cast<IReadOnlyList<XRocketPayoutRow>>().ToList();
        _chunks.Clear();
        return chunks;
    }
}
