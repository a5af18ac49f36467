using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IacPlatform.State.Tfstate;

/// <summary>
/// Flattens attribute JSON into <c>path → leaf</c> pairs. Paths read like Terraform expressions: object and map
/// keys that are identifiers follow a dot (<c>tags.Environment</c>), other keys are quoted
/// (<c>tags["kubernetes.io/role"]</c>), list elements are indexed (<c>ingress[0].cidr_blocks[1]</c>). Sensitive
/// paths use the same syntax, so a leaf is masked by a simple prefix test.
/// </summary>
internal static class AttributePaths
{
    public static IReadOnlyDictionary<string, JsonElement> Flatten(JsonElement attributes)
    {
        var leaves = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        var path = new StringBuilder();
        if (attributes.ValueKind == JsonValueKind.Object)
        {
            // The root object itself is never a leaf: an instance with no attributes has no paths.
            foreach (var property in attributes.EnumerateObject())
            {
                AppendName(path, property.Name);
                Walk(property.Value, path, leaves);
                path.Clear();
            }
        }

        return leaves;
    }

    /// <summary>Legacy flat keys are already paths; their values are always strings.</summary>
    public static IReadOnlyDictionary<string, JsonElement> FromLegacyFlat(IReadOnlyDictionary<string, string> flat)
    {
        ArgumentNullException.ThrowIfNull(flat);
        var leaves = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (key, value) in flat)
        {
            leaves[key] = TfstateJson.StringElement(value);
        }

        return leaves;
    }

    public static void AppendName(StringBuilder path, string name)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (AddressParser.IsIdentifier(name))
        {
            if (path.Length > 0)
            {
                path.Append('.');
            }

            path.Append(name);
        }
        else
        {
            path.Append('[').Append(HclQuoting.Quote(name)).Append(']');
        }
    }

    public static void AppendIndex(StringBuilder path, long index)
    {
        ArgumentNullException.ThrowIfNull(path);
        path.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="ancestor"/> or lies inside it.</summary>
    public static bool IsWithin(string path, string ancestor)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(ancestor);
        return path.StartsWith(ancestor, StringComparison.Ordinal)
            && (path.Length == ancestor.Length || path[ancestor.Length] is '.' or '[');
    }

    private static void Walk(JsonElement value, StringBuilder path, SortedDictionary<string, JsonElement> leaves)
    {
        var length = path.Length;
        switch (value.ValueKind)
        {
            // Empty collections stay leaves so that {} → {"a": 1} shows as a change rather than as nothing.
            case JsonValueKind.Object when value.EnumerateObject().Any():
                foreach (var property in value.EnumerateObject())
                {
                    AppendName(path, property.Name);
                    Walk(property.Value, path, leaves);
                    path.Length = length;
                }

                break;
            case JsonValueKind.Array when value.GetArrayLength() > 0:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    AppendIndex(path, index++);
                    Walk(item, path, leaves);
                    path.Length = length;
                }

                break;
            default:
                leaves[path.ToString()] = value;
                break;
        }
    }
}
