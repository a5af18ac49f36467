using System.Globalization;
using System.Text.Json.Nodes;

namespace IacPlatform.Drift.Engine;

/// <summary>
/// Expands a legacy <c>attributes_flat</c> map (Terraform 0.11's flatmap: <c>tags.%</c> map sizes, <c>ingress.#</c>
/// list sizes, <c>ingress.0.from_port</c> paths, every value a string) into the nested shape of <c>attributes</c>.
/// </summary>
internal static class FlatAttributes
{
    public static JsonObject Expand(IReadOnlyList<KeyValuePair<string, string>> flat)
    {
        var lists = new HashSet<string>(StringComparer.Ordinal);
        var root = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in flat)
        {
            var isList = key.EndsWith(".#", StringComparison.Ordinal);
            if (isList || key.EndsWith(".%", StringComparison.Ordinal))
            {
                var prefix = key[..^2];
                if (isList)
                {
                    lists.Add(prefix);
                }

                Container(root, prefix.Split('.'), prefix.Split('.').Length);
                continue;
            }

            var segments = key.Split('.');
            Container(root, segments, segments.Length - 1)[segments[^1]] = value;
        }

        return (JsonObject)Convert(root, "", lists);
    }

    private static Dictionary<string, object> Container(Dictionary<string, object> root, string[] segments, int depth)
    {
        var current = root;
        for (var i = 0; i < depth; i++)
        {
            if (!current.TryGetValue(segments[i], out var child) || child is not Dictionary<string, object> next)
            {
                next = new Dictionary<string, object>(StringComparer.Ordinal);
                current[segments[i]] = next;
            }

            current = next;
        }

        return current;
    }

    private static JsonNode Convert(Dictionary<string, object> node, string prefix, HashSet<string> lists)
    {
        JsonNode? Child(KeyValuePair<string, object> entry) => entry.Value is string text
            ? JsonValue.Create(text)
            : Convert((Dictionary<string, object>)entry.Value, prefix.Length == 0 ? entry.Key : prefix + "." + entry.Key, lists);

        if (prefix.Length > 0 && lists.Contains(prefix))
        {
            // Count indexes in numeric order; set hashes (Terraform 0.11 keyed set elements by hash) in text order.
            var ordered = node.OrderBy(e => int.TryParse(e.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue)
                .ThenBy(e => e.Key, StringComparer.Ordinal);
            return new JsonArray([.. ordered.Select(Child)]);
        }

        var result = new JsonObject();
        foreach (var entry in node)
        {
            result[entry.Key] = Child(entry);
        }

        return result;
    }
}
