using System.Collections;
using System.Collections.Specialized;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// The one reading of a delivery's headers (issue 25 item 8): any collection a PowerShell user holds (a
/// hashtable or dictionary, a WebHeaderCollection or NameValueCollection such as an HttpListenerRequest's,
/// HttpClient's headers, the object ConvertFrom-Json made of a JSON headers map) becomes one table whose
/// names are read case-insensitively. Repeated values are joined with commas, as HTTP folds them.
/// </summary>
internal static class WebhookHeaders
{
    internal static Dictionary<string, string>? Read(object? input)
    {
        var value = input is PSObject wrapped ? wrapped.BaseObject : input;
        var table = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        switch (value)
        {
            case null:
                return null;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    table[entry.Key?.ToString() ?? ""] = Text(entry.Value);
                }

                return table;
            case NameValueCollection collection:
                foreach (var name in collection.AllKeys)
                {
                    table[name ?? ""] = collection.Get(name) ?? "";
                }

                return table;
            case IEnumerable<KeyValuePair<string, IEnumerable<string>>> httpHeaders:
                foreach (var pair in httpHeaders)
                {
                    table[pair.Key] = string.Join(",", pair.Value);
                }

                return table;
            case PSCustomObject when input is PSObject shaped:
                foreach (var property in shaped.Properties)
                {
                    table[property.Name] = Text(property.Value);
                }

                return table;
            default:
                return null;
        }
    }

    private static string Text(object? value)
    {
        var unwrapped = value is PSObject wrapped ? wrapped.BaseObject : value;
        return unwrapped is IEnumerable many and not string ? string.Join(",", many.Cast<object>()) : unwrapped?.ToString() ?? "";
    }
}
