using System.Globalization;
using System.Text.Json.Nodes;

namespace IacPlatform.Inventory.Providers.Http;

/// <summary>
/// Tolerant reads of cloud REST JSON (ARM, Google APIs; Google sends int64 values as strings): a missing or
/// differently typed member is null, never an exception.
/// </summary>
internal static class ProviderJson
{
    public static JsonNode? Get(this JsonNode? node, string name) =>
        node is JsonObject obj && obj.TryGetPropertyValue(name, out var value) ? value : null;

    public static JsonNode? Get(this JsonNode? node, string name, string next) => node.Get(name).Get(next);

    public static string? Str(this JsonNode? node, string name) =>
        node.Get(name) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static bool? Bool(this JsonNode? node, string name) =>
        node.Get(name) is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    public static long? Long(this JsonNode? node, string name) => node.Get(name) switch
    {
        JsonValue value when value.TryGetValue<long>(out var number) => number,
        JsonValue value when value.TryGetValue<string>(out var text) &&
            long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>The string items of an array member (an empty array when absent), as Terraform stores a list.</summary>
    public static JsonArray Strings(this JsonNode? node, string name) =>
        ToArray((node.Get(name) as JsonArray)?.Select(item => item is JsonValue v && v.TryGetValue<string>(out var s) ? s : null));

    public static JsonArray ToArray(IEnumerable<string?>? items) =>
        new((items ?? []).Where(item => item is not null).Select(item => (JsonNode?)JsonValue.Create(item)).ToArray());

    public static JsonArray ToArray(params JsonNode?[] items) => new(items);

    /// <summary>A string-to-string object member (tags, labels) as a dictionary; non-string values are skipped.</summary>
    public static Dictionary<string, string> StringMap(this JsonNode? node, string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node.Get(name) is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                if (value is JsonValue v && v.TryGetValue<string>(out var text))
                {
                    map[key] = text;
                }
            }
        }

        return map;
    }

    public static JsonObject ToObject(IReadOnlyDictionary<string, string> map)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map)
        {
            obj[key] = value;
        }

        return obj;
    }

    /// <summary>
    /// Provider enum spellings (ARM "Succeeded", "PowerState/running"; Google "RUNNING", "READY") as the lowercase status
    /// the inventory keeps.
    /// </summary>
    public static string Status(string? state) =>
        string.IsNullOrWhiteSpace(state) ? "unknown" : state.Trim().ToLowerInvariant();
}
