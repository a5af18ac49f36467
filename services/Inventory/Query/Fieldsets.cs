using System.Text.Json;
using System.Text.Json.Nodes;
using IacPlatform.Inventory.Features.Resources;

namespace IacPlatform.Inventory.Query;

/// <summary>Sparse fieldsets (<c>fields=id,name,status</c>) over the keys of <see cref="ResourceDto"/>.</summary>
internal static class Fieldsets
{
    /// <summary>A comma-separated list (query parameter) or a JSON array of names / a comma-separated string (body).</summary>
    public static IReadOnlyList<string>? Parse(JsonElement fields, string path, QueryErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (fields.ValueKind == JsonValueKind.String)
        {
            return Parse(fields.GetString()!, path, errors);
        }

        if (fields.ValueKind != JsonValueKind.Array || fields.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String))
        {
            errors.Add(path, "'fields' must be an array of field names (or a comma-separated string).");
            return null;
        }

        return Validate([.. fields.EnumerateArray().Select(item => item.GetString()!.Trim())], path, errors);
    }

    public static IReadOnlyList<string>? Parse(string fields, string path, QueryErrors errors)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(errors);
        return Validate([.. fields.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)], path, errors);
    }

    /// <summary>The items as they are, or as JSON objects with only the selected keys (in the order asked).</summary>
    public static IReadOnlyList<object> Project(IReadOnlyList<ResourceDto> items, IReadOnlyList<string>? fields, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (fields is null)
        {
            return [.. items];
        }

        return [.. items.Select(item =>
        {
            var full = JsonSerializer.SerializeToNode(item, options)!.AsObject();
            var selected = new JsonObject();
            foreach (var field in fields)
            {
                selected[field] = full[field]?.DeepClone();
            }

            return (object)selected;
        })];
    }

    private static List<string>? Validate(List<string> names, string path, QueryErrors errors)
    {
        if (names.Count == 0 || names.Any(name => name.Length == 0))
        {
            errors.Add(path, $"'fields' needs at least one field name; known fields: {string.Join(", ", ResourceDto.FieldNames)}.");
            return null;
        }

        var unknown = names.Where(name => !ResourceDto.FieldNames.Contains(name)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(path, $"Unknown field(s) {string.Join(", ", unknown.Select(name => $"'{name}'"))} in 'fields'; known fields: {string.Join(", ", ResourceDto.FieldNames)}.");
            return null;
        }

        return [.. names.Distinct(StringComparer.Ordinal)];
    }
}
