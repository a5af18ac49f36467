using System.Text.Json;
using System.Text.Json.Nodes;
using IacPlatform.Drift.Engine;

namespace IacPlatform.Bench.Drift;

/// <summary>
/// Materialises the inventory's resource list (the API's snake_case shape) into <see cref="ObservedResource"/>s in
/// one forward pass, attributes as fully built <see cref="JsonObject"/>s (the engine's <c>JsonNodeReader</c>).
/// </summary>
internal static class ObservedJson
{
    public static List<ObservedResource> Read(ReadOnlySpan<byte> utf8)
    {
        var names = new PropertyNameCache();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 256 });
        reader.Read();
        var result = new List<ObservedResource>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            result.Add(ReadResource(ref reader, names));
        }

        return result;
    }

    private static ObservedResource ReadResource(ref Utf8JsonReader reader, PropertyNameCache names)
    {
        Guid id = default, account = default;
        string provider = "", region = "", type = "", nativeId = "", name = "";
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        JsonObject attributes = [];
        DateTimeOffset updatedAt = default;
        DateTimeOffset? removedAt = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = names.Get(ref reader);
            reader.Read();
            switch (property)
            {
                case "id": id = reader.GetGuid(); break;
                case "account_id": account = reader.GetGuid(); break;
                case "provider": provider = names.Get(ref reader); break;
                case "region": region = names.Get(ref reader); break;
                case "type": type = names.Get(ref reader); break;
                case "native_id": nativeId = reader.GetString()!; break;
                case "name": name = reader.GetString()!; break;
                case "updated_at": updatedAt = reader.GetDateTimeOffset(); break;
                case "removed_at": removedAt = reader.TokenType == JsonTokenType.Null ? null : reader.GetDateTimeOffset(); break;
                case "attributes": attributes = JsonNodeReader.ReadObject(ref reader, names); break;
                case "tags":
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var key = names.Get(ref reader);
                        reader.Read();
                        tags[key] = reader.GetString() ?? "";
                    }

                    break;
                default: reader.Skip(); break;
            }
        }

        return new ObservedResource(id, account, provider, region, type, nativeId, name, tags, attributes, updatedAt, removedAt);
    }
}
