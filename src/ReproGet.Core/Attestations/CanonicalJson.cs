using System.Text;
using System.Text.Json;
using ReproGet.Core.Errors;

namespace ReproGet.Core.Attestations;

/// <summary>
/// The OLPC canonical JSON that in-toto v0.9 (securesystemslib <c>encode_canonical</c>) signs: object keys sorted,
/// no insignificant whitespace, strings escaped only for <c>"</c> and <c>\</c>, integers only (no floats).
/// </summary>
public static class CanonicalJson
{
    public static byte[] Encode(JsonElement element)
    {
        var text = new StringBuilder();
        Append(text, element);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void Append(StringBuilder text, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                text.Append('{');
                var first = true;
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    text.Append(first ? "" : ",");
                    first = false;
                    AppendString(text, property.Name);
                    text.Append(':');
                    Append(text, property.Value);
                }
                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    text.Append(index++ == 0 ? "" : ",");
                    Append(text, item);
                }
                text.Append(']');
                break;
            case JsonValueKind.String:
                AppendString(text, element.GetString()!);
                break;
            case JsonValueKind.Number:
                // Canonical JSON has no floats: "1.0" and "1e0" would sign differently from what Python re-encodes.
                var raw = element.GetRawText();
                if (!element.TryGetInt64(out var integer) || raw.Any(c => c is '.' or 'e' or 'E'))
                {
                    throw new ReproGetException($"canonical JSON allows integers only, found {raw}");
                }
                text.Append(integer.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            case JsonValueKind.Null:
                text.Append("null");
                break;
            default:
                throw new ReproGetException($"canonical JSON cannot encode a {element.ValueKind}");
        }
    }

    private static void AppendString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                text.Append('\\');
            }
            text.Append(c);
        }
        text.Append('"');
    }
}
