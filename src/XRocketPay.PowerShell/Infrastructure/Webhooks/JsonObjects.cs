using System.Text.Json;

namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>JSON the module has no type for, as PowerShell objects: objects become PSCustomObjects, arrays object[], numbers decimal.</summary>
internal static class JsonObjects
{
    internal static object? ToPSObject(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var result = new PSObject();
                foreach (var property in element.EnumerateObject())
                {
                    result.Properties.Add(new PSNoteProperty(property.Name, ToPSObject(property.Value)));
                }

                return result;
            case JsonValueKind.Array:
                return element.EnumerateArray().Select(ToPSObject).ToArray();
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return element.TryGetInt64(out var whole) ? whole : element.TryGetDecimal(out var number) ? number : element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }
}
