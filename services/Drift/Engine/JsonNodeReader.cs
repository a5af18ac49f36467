using System.Text.Json;
using System.Text.Json.Nodes;

namespace IacPlatform.Drift.Engine;

/// <summary>
/// Builds fully materialised <see cref="JsonNode"/> trees straight from a <see cref="Utf8JsonReader"/> (or a
/// <see cref="JsonElement"/>): strings as <see cref="string"/>, integers as <see cref="long"/>, other numbers as
/// <see cref="double"/>. Unlike <c>JsonNode.Parse</c>, nothing is left lazily backed by a document, so comparing
/// the nodes later reads values without re-decoding UTF-8.
/// </summary>
internal static class JsonNodeReader
{
    /// <summary>Reads the value at the reader's current token, leaving the reader on its last token.</summary>
    public static JsonNode? ReadValue(ref Utf8JsonReader reader, PropertyNameCache names) => reader.TokenType switch
    {
        JsonTokenType.StartObject => ReadObject(ref reader, names),
        JsonTokenType.StartArray => ReadArray(ref reader, names),
        JsonTokenType.String => JsonValue.Create(reader.GetString()!),
        JsonTokenType.Number => reader.TryGetInt64(out var integer) ? JsonValue.Create(integer) : JsonValue.Create(reader.GetDouble()),
        JsonTokenType.True => JsonValue.Create(true),
        JsonTokenType.False => JsonValue.Create(false),
        _ => null,
    };

    /// <summary>Reads the object that starts at the reader's current token (<see cref="JsonTokenType.StartObject"/>).</summary>
    public static JsonObject ReadObject(ref Utf8JsonReader reader, PropertyNameCache names)
    {
        var result = new JsonObject();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = names.Get(ref reader);
            reader.Read();
            // The indexer rather than Add: a repeated name keeps the last value, as System.Text.Json does.
            result[name] = ReadValue(ref reader, names);
        }

        return result;
    }

    /// <summary>A materialised copy of an element (an object element gives a <see cref="JsonObject"/>).</summary>
    public static JsonNode? FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ObjectFromElement(element),
        JsonValueKind.Array => new JsonArray([.. element.EnumerateArray().Select(FromElement)]),
        JsonValueKind.String => JsonValue.Create(element.GetString()!),
        JsonValueKind.Number => element.TryGetInt64(out var integer) ? JsonValue.Create(integer) : JsonValue.Create(element.GetDouble()),
        JsonValueKind.True => JsonValue.Create(true),
        JsonValueKind.False => JsonValue.Create(false),
        _ => null,
    };

    private static JsonObject ObjectFromElement(JsonElement element)
    {
        var result = new JsonObject();
        foreach (var property in element.EnumerateObject())
        {
            result[property.Name] = FromElement(property.Value);
        }

        return result;
    }

    private static JsonArray ReadArray(ref Utf8JsonReader reader, PropertyNameCache names)
    {
        var result = new JsonArray();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            result.Add(ReadValue(ref reader, names));
        }

        return result;
    }
}
