using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IacPlatform.Inventory.Sync;

/// <summary>
/// JSON with object keys sorted (ordinal) at every level: equal content gives equal text whatever order a
/// provider, PostgreSQL's jsonb or a user sent the keys in. The content hash is taken over it.
/// </summary>
internal static class CanonicalJson
{
    public static string Write(JsonNode? node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            WriteNode(writer, node);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    public static string Write(IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var sorted = new JsonObject();
        foreach (var (key, value) in tags.OrderBy(tag => tag.Key, StringComparer.Ordinal))
        {
            sorted[key] = value;
        }

        return Write(sorted);
    }

    /// <summary>Canonical text of stored JSON (a jsonb column's text).</summary>
    public static string Normalize(string json) => Write(JsonNode.Parse(string.IsNullOrEmpty(json) ? "{}" : json));

    private static void WriteNode(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    WriteNode(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteNode(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
