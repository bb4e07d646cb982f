using System.IO;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// Validated rows spooled to a temporary file during a preflight, so the whole input is read before the
/// first payment while memory stays flat. Read back, a row has no InputObject; its error target is a copy of
/// its values with ClientTransferId.
/// </summary>
internal sealed class PayoutRunSpool : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "xrocketpay-spool-" + Guid.NewGuid().ToString("N") + ".jsonl");
    private FileStream? _writer;

    public PayoutRunSpool() => _writer = new FileStream(_path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16, FileOptions.None);

    public int Count { get; private set; }

    public static PayoutJournalLine LineOf(PayoutRow row) => new()
    {
        ClientTransferId = row.ClientTransferId,
        Target = row.TelegramUserId,
        Asset = row.Asset,
        Amount = row.Amount,
        Description = row.Description,
        CallbackUrl = row.CallbackUrl,
        CallbackPayload = row.CallbackPayload,
    };

    public void Add(PayoutRow row)
    {
        var line = LineOf(row);
        line.Type = "row";
        line.WriteTo(_writer!);
        Count++;
    }

    public IEnumerable<PayoutRow> ReadAll()
    {
        _writer?.Flush();
        foreach (var line in PayoutJournalLine.ReadAll(_path))
        {
            var target = new PSObject();
            target.Properties.Add(new PSNoteProperty("TelegramUserId", line.Target));
            target.Properties.Add(new PSNoteProperty("Amount", XRocketMoney.Format(line.Amount ?? 0m)));
            target.Properties.Add(new PSNoteProperty("Asset", line.Asset));
            target.Properties.Add(new PSNoteProperty("Description", line.Description));
            target.Properties.Add(new PSNoteProperty("ClientTransferId", line.ClientTransferId));
            yield return new PayoutRow(line.Target ?? "", line.Asset ?? "", line.Amount ?? 0m, line.Description, line.ClientTransferId ?? "", line.CallbackUrl, null, () => target) { CallbackPayload = line.CallbackPayload };
        }
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _writer = null;
        try
        {
            File.Delete(_path);
        }
        catch (IOException)
        {
            // A temporary file left behind is harmless.
        }
    }
}
