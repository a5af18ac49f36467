using System.Globalization;
using System.Text.Json;

namespace IacPlatform.Inventory.Compliance;

/// <summary>
/// Tolerant reads of Terraform-shaped attributes: a nested block may be an object or Terraform's list of
/// objects, scalars may arrive as strings; anything else reads as "unexpected" instead of throwing.
/// </summary>
internal readonly struct AttributeReader(JsonElement root)
{
    /// <summary>True when the top-level key of <paramref name="path"/> is present (even as null or []).</summary>
    public bool Has(string path) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(path.Split('.')[0], out _);

    /// <summary>The values at a dotted path, lists unwrapped at every step but the last (not unwrapped).</summary>
    public IReadOnlyList<JsonElement> Values(string path)
    {
        List<JsonElement> current = [root];
        foreach (var step in path.Split('.'))
        {
            current = [.. current.SelectMany(Unwrap).Where(e => e.ValueKind == JsonValueKind.Object)
                .Select(e => e.TryGetProperty(step, out var value) ? value : default)
                .Where(e => e.ValueKind != JsonValueKind.Undefined)];
        }

        return current;
    }

    /// <summary>The values at a path with a final list unwrapped too (elements of <c>cidr_blocks</c>, blocks of <c>ingress</c>).</summary>
    public IReadOnlyList<JsonElement> Items(string path) => [.. Values(path).SelectMany(Unwrap)];

    /// <summary>The first value at <paramref name="path"/>, or null when absent.</summary>
    public JsonElement? First(string path) => Values(path) is [var first, ..] ? first : null;

    public static IEnumerable<JsonElement> Unwrap(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : [element];

    /// <summary>true/false, also as the strings "true"/"false"; null for anything else.</summary>
    public static bool? AsBool(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when bool.TryParse(element.GetString(), out var parsed) => parsed,
        _ => null,
    };

    /// <summary>A string, or a number's text; null for anything else.</summary>
    public static string? AsString(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        _ => null,
    };

    /// <summary>An integer, also from a numeric string; null for anything else.</summary>
    public static int? AsInt(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number when element.TryGetInt32(out var value) => value,
        JsonValueKind.String when int.TryParse(element.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) => value,
        _ => null,
    };

    /// <summary>True for a non-empty list or a non-null object/scalar (a configured block).</summary>
    public static bool IsConfigured(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => element.GetArrayLength() > 0,
        JsonValueKind.Null or JsonValueKind.Undefined or JsonValueKind.False => false,
        JsonValueKind.String => !string.IsNullOrEmpty(element.GetString()),
        _ => true,
    };

    /// <summary>The JSON kind for a description ("a number", "an object").</summary>
    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => $"\"{Shorten(element.GetString() ?? "")}\"",
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.Null => "null",
        _ => element.ValueKind.ToString().ToLowerInvariant(),
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
