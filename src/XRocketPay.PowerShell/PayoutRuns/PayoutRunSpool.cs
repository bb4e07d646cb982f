using System.IO;

namespace XRocketPay.PowerShell.PayoutRuns;

/// <summary>
/// Validated rows held during a preflight, so the whole input is read before the first payment: in memory
/// up to <see cref="InMemoryRows"/> rows (issue 24: no file costs for the common run), beyond that spooled to
/// a temporary file so memory stays flat. Read back from the file, a row has no InputObject; its error target
/// is a copy of its values with ClientTransferId.
/// </summary>
internal sealed class PayoutRunSpool : IDisposable
{
    /// <summary>Rows kept in memory before the spool moves to a file.</summary>
    public const int InMemoryRows = 4096;

    private readonly List<PayoutRow> _rows = new();
    private string? _path;
    private FileStream? _writer;

    public int Count { get; private set; }

    public void Add(PayoutRow row)
    {
        Count++;
        if (_writer is null && _rows.Count < InMemoryRows)
        {
            _rows.Add(row);
            return;
        }

        if (_writer is null)
        {
            _path = Path.Combine(Path.GetTempPath(), "xrocketpay-spool-" + Guid.NewGuid().ToString("N") + ".jsonl");
            _writer = new FileStream(_path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16, FileOptions.None);
            foreach (var held in _rows)
            {
                Write(held);
            }

            _rows.Clear();
        }

        Write(row);
    }

    public IEnumerable<PayoutRow> ReadAll()
    {
        if (_path is null)
        {
            foreach (var row in _rows)
            {
                yield return row;
            }

            yield break;
        }

        _writer!.Flush();
        foreach (var line in ReadLines(_path))
        {
            var target = new PSObject();
            target.Properties.Add(new PSNoteProperty("TelegramUserId", line.TelegramUserId));
            target.Properties.Add(new PSNoteProperty("Amount", XRocketMoney.Format(line.Amount ?? 0m)));
            target.Properties.Add(new PSNoteProperty("Asset", line.Asset));
            target.Properties.Add(new PSNoteProperty("Description", line.Description));
            target.Properties.Add(new PSNoteProperty("ClientTransferId", line.ClientTransferId));
            var payout = new XRocketPayoutRow(line.TelegramUserId ?? "", line.Asset ?? "", line.Amount ?? 0m, line.ClientTransferId ?? "")
            {
                Description = line.Description, CallbackUrl = line.CallbackUrl, CallbackPayload = line.CallbackPayload,
            };
            yield return new PayoutRow(payout, null, () => target);
        }
    }

    public void Dispose()
    {
        _rows.Clear();
        _writer?.Dispose();
        _writer = null;
        if (_path is null)
        {
            return;
        }

        try
        {
            File.Delete(_path);
        }
        catch (IOException)
        {
            // A temporary file left behind is harmless.
        }
    }

    /// <summary>The spool's lines: this run wrote them whole, so every line is read back.</summary>
    private static IEnumerable<PayoutJournalLine> ReadLines(string path)
    {
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite), System.Text.Encoding.UTF8);
        while (reader.ReadLine() is { } text)
        {
            yield return PayoutJournalLine.Parse(text);
        }
    }

    private void Write(PayoutRow row) => new PayoutJournalLine
    {
        Type = PayoutJournalLineTypes.Row, ClientTransferId = row.Payout.ClientTransferId, TelegramUserId = row.Payout.TelegramUserId, Asset = row.Payout.Asset,
        Amount = row.Payout.Amount, Description = row.Payout.Description, CallbackUrl = row.Payout.CallbackUrl, CallbackPayload = row.Payout.CallbackPayload,
    }.WriteTo(_writer!);
}
