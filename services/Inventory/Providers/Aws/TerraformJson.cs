using System.Text.Json.Nodes;

namespace IacPlatform.Inventory.Providers.Aws;

/// <summary>
/// Shapes shared by the normalisers, as Terraform's state writes them: sets as sorted lists (so the content hash is
/// stable), single nested blocks as a list of one object, and <c>tags</c> without the reserved <c>aws:</c> keys,
/// which the Terraform provider ignores too.
/// </summary>
internal static class TerraformJson
{
    public const string NameTag = "Name";

    public static Dictionary<string, string> Tags<T>(IEnumerable<T>? tags, Func<T, string?> key, Func<T, string?> value)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags ?? [])
        {
            if (key(tag) is { Length: > 0 } name)
            {
                result[name] = value(tag) ?? string.Empty;
            }
        }

        return result;
    }

    public static JsonObject TagsObject(IReadOnlyDictionary<string, string> tags)
    {
        var result = new JsonObject();
        foreach (var (key, value) in tags.Where(tag => !IsReserved(tag.Key)).OrderBy(tag => tag.Key, StringComparer.Ordinal))
        {
            result[key] = value;
        }

        return result;
    }

    public static JsonArray SortedSet(IEnumerable<string?>? values) =>
        new([.. (values ?? []).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(value => (JsonNode)JsonValue.Create(value))]);

    public static JsonArray List(IEnumerable<string?>? values) =>
        new([.. (values ?? []).OfType<string>().Select(value => (JsonNode)JsonValue.Create(value))]);

    public static JsonArray Block(JsonObject block) => [block];

    public static string NameOr(IReadOnlyDictionary<string, string> tags, string fallback) =>
        tags.TryGetValue(NameTag, out var name) && name.Length > 0 ? name : fallback;

    /// <summary>"running", "in-use", "active": lower case, as the inventory stores every provider's status.</summary>
    public static string Status(string? value, string fallback) =>
        string.IsNullOrEmpty(value) ? fallback : value.ToLowerInvariant().Replace('_', '-');

    /// <summary>AWS reserves the <c>aws:</c> prefix: such tags can be neither written nor deleted by an account.</summary>
    public static bool IsReserved(string key) => key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase);
}
