using System.Text.Json;

namespace IacPlatform.Inventory.Query;

/// <summary>
/// Sort specifications: <c>[{"field": "name", "direction": "asc"}]</c> in the DSL, <c>sort=-name,created_at</c> in
/// query strings. Columns, <c>tags.&lt;key&gt;</c> and <c>attributes.&lt;path&gt;</c> sort; <c>id</c> is appended as the
/// tie-breaker (in the direction of the last key, so <c>(updated_at, id)</c> walks its index either way). Tags and
/// attributes sort as jsonb (numbers numerically, strings as text; across types strings &lt; numbers &lt; booleans &lt;
/// arrays &lt; objects); an absent one sorts last in either direction.
/// </summary>
internal static class SortParser
{
    public const int MaxKeys = 5;

    public static readonly IReadOnlyList<SortKey> Default = WithTieBreaker([new SortKey(QueryFields.Name, false)]);

    /// <summary>The DSL form (an array of objects); a string is read as the query-string form.</summary>
    public static IReadOnlyList<SortKey>? Parse(JsonElement sort, string path, QueryErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (sort.ValueKind == JsonValueKind.String)
        {
            return Parse(sort.GetString()!, path, errors);
        }

        if (sort.ValueKind != JsonValueKind.Array)
        {
            errors.Add(path, "'sort' must be an array of {\"field\", \"direction\"} objects.");
            return null;
        }

        var keys = new List<SortKey>();
        var index = 0;
        foreach (var item in sort.EnumerateArray())
        {
            var itemPath = $"{path}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("field", out var field) || field.ValueKind != JsonValueKind.String)
            {
                errors.Add(itemPath, "A sort key must be an object with 'field' (a string) and optional 'direction' (asc or desc).");
                return null;
            }

            var extra = item.EnumerateObject().Select(p => p.Name).FirstOrDefault(name => name is not ("field" or "direction"));
            if (extra is not null)
            {
                errors.Add($"{itemPath}.{extra}", $"Unknown property '{extra}' in a sort key; expected 'field' and 'direction'.");
                return null;
            }

            var descending = false;
            if (item.TryGetProperty("direction", out var direction))
            {
                var text = direction.ValueKind == JsonValueKind.String ? direction.GetString() : null;
                if (text is not ("asc" or "desc"))
                {
                    errors.Add(itemPath + ".direction", $"Sort direction must be 'asc' or 'desc', got {direction.GetRawText()}.");
                    return null;
                }

                descending = text == "desc";
            }

            if (Key(field.GetString()!, descending, itemPath + ".field", errors) is not { } key)
            {
                return null;
            }

            keys.Add(key);
        }

        return Finish(keys, path, errors);
    }

    /// <summary>The query-string form: comma-separated fields, <c>-</c> for descending.</summary>
    public static IReadOnlyList<SortKey>? Parse(string sort, string path, QueryErrors errors)
    {
        ArgumentNullException.ThrowIfNull(sort);
        ArgumentNullException.ThrowIfNull(errors);
        var keys = new List<SortKey>();
        foreach (var part in sort.Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.Length == 0)
            {
                errors.Add(path, "The sort has an empty entry; use e.g. 'sort=-updated_at,name'.");
                return null;
            }

            var descending = part[0] == '-';
            var name = part[0] is '-' or '+' ? part[1..] : part;
            if (Key(name, descending, path, errors) is not { } key)
            {
                return null;
            }

            keys.Add(key);
        }

        return Finish(keys, path, errors);
    }

    public static string Signature(IReadOnlyList<SortKey> sort) => string.Join(",", sort.Select(key => key.Signature));

    private static SortKey? Key(string name, bool descending, string path, QueryErrors errors)
    {
        var field = QueryFields.Resolve(name, out var problem);
        if (field is null)
        {
            errors.Add(path, $"Cannot sort: {problem}");
            return null;
        }

        if (field.Kind == FieldKind.AnyTag)
        {
            errors.Add(path, "Cannot sort by 'tag' (any tag); sort by 'tags.<key>' instead.");
            return null;
        }

        return new SortKey(field, descending);
    }

    private static IReadOnlyList<SortKey>? Finish(List<SortKey> keys, string path, QueryErrors errors)
    {
        if (keys.Count == 0)
        {
            return Default;
        }

        if (keys.Count > MaxKeys)
        {
            errors.Add(path, $"At most {MaxKeys} sort keys are allowed.");
            return null;
        }

        if (keys.GroupBy(key => key.Field.Name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1) is { } repeated)
        {
            errors.Add(path, $"Sort field '{repeated.Key}' is given more than once.");
            return null;
        }

        return WithTieBreaker(keys);
    }

    private static List<SortKey> WithTieBreaker(List<SortKey> keys)
    {
        if (keys.Any(key => key.Field.Name == QueryFields.Id.Name))
        {
            return keys;
        }

        return [.. keys, new SortKey(QueryFields.Id, keys[^1].Descending)];
    }
}
