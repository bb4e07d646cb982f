using System.IO;
using System.Security.Cryptography;

namespace XRocketPay.Client;

/// <summary>
/// A folder that holds verified deliveries between their 200 and their hand-on, and the keys of deliveries
/// already handed on, so neither a crash nor a restart loses or repeats one. <c>pending/</c> holds one file
/// per delivery answered but not yet handed on (written to a temporary name, flushed to disk, then renamed);
/// <c>handed/</c> holds one empty file per key handed on, kept <see cref="Remembered"/>.
/// </summary>
internal sealed class XRocketWebhookSpool
{
    /// <summary>How long a handed-on key is remembered: longer than any sender retries.</summary>
    internal static readonly TimeSpan Remembered = TimeSpan.FromDays(7);

    private const string PendingExtension = ".json";
    private readonly string _pending;
    private readonly string _handed;

    internal XRocketWebhookSpool(string folder)
    {
        Folder = Path.GetFullPath(folder);
        _pending = Path.Combine(Folder, "pending");
        _handed = Path.Combine(Folder, "handed");
        Directory.CreateDirectory(_pending);
        Directory.CreateDirectory(_handed);
        foreach (var partial in Directory.GetFiles(_pending, "*.tmp"))
        {
            File.Delete(partial);
        }

        var forgotten = DateTime.UtcNow - Remembered;
        foreach (var old in Directory.GetFiles(_handed).Where(f => File.GetLastWriteTimeUtc(f) < forgotten))
        {
            File.Delete(old);
        }
    }

    internal string Folder { get; }

    /// <summary>Writes the delivery durably; the name of its file, to remove once handed on.</summary>
    internal string Write(XRocketWebhookDelivery delivery)
    {
        var name = delivery.ReceivedAt.UtcTicks.ToString("D20", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N");
        var temporary = Path.Combine(_pending, name + ".tmp");
        var final = Path.Combine(_pending, name + PendingExtension);
        using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            using (var writer = new Utf8JsonWriter(file))
            {
                writer.WriteStartObject();
                writer.WriteString("receivedAt", delivery.ReceivedAt);
                writer.WriteString("remoteAddress", delivery.RemoteAddress);
                writer.WriteStartObject("headers");
                foreach (var header in delivery.Headers)
                {
                    writer.WriteString(header.Key, header.Value);
                }

                writer.WriteEndObject();
                writer.WriteString("body", delivery.Body);
                writer.WriteEndObject();
            }

            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, final);
        return final;
    }

    /// <summary>The deliveries written and not handed on, oldest first (those a stopped call answered 200).</summary>
    internal IEnumerable<XRocketWebhookDelivery> Pending()
    {
        foreach (var file in Directory.GetFiles(_pending, "*" + PendingExtension).OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal))
        {
            XRocketWebhookDelivery delivery;
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(file));
                var root = document.RootElement;
                var headers = root.GetProperty("headers").EnumerateObject().ToDictionary(h => h.Name, h => h.Value.GetString() ?? "", StringComparer.OrdinalIgnoreCase);
                delivery = XRocketWebhookDelivery.FromSpool(root.GetProperty("receivedAt").GetDateTimeOffset(), root.GetProperty("remoteAddress").GetString(),
                    headers, root.GetProperty("body").GetString() ?? "", file);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException or IOException)
            {
                // Not a file this spool wrote whole: leave it for a person to read, never hand on half a delivery.
                File.Move(file, file + ".unreadable");
                continue;
            }

            yield return delivery;
        }
    }

    internal bool WasHandedOn(string key) => File.Exists(HandedPath(key));

    /// <summary>Remembers the key as handed on, then drops the delivery's spooled file.</summary>
    internal void HandedOn(string key, string? spooledFile)
    {
        File.WriteAllBytes(HandedPath(key), Array.Empty<byte>());
        if (spooledFile is not null)
        {
            File.Delete(spooledFile);
        }
    }

    /// <summary>A file name for any key (ids and signatures may hold any character).</summary>
    private string HandedPath(string key)
    {
        using var sha = SHA256.Create();
        return Path.Combine(_handed, string.Concat(sha.ComputeHash(Encoding.UTF8.GetBytes(key)).Select(b => b.ToString("x2", CultureInfo.InvariantCulture))));
    }
}
