using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace IacPlatform.Inventory.Query;

/// <summary>
/// The query parameters of <c>GET /api/v1/resources</c>: seed 000's filters (<c>provider</c>, <c>type</c>, <c>region</c>,
/// <c>tags=k:v,k2</c>, …, any field as <c>&lt;field&gt;=value</c>), seed 004's <c>&lt;field&gt;_&lt;op&gt;=value</c>
/// (<c>in</c> takes a comma-separated list), <c>sort=-name,created_at</c>, <c>fields</c>, <c>as_of</c>,
/// <c>include_removed</c>, <c>limit</c>/<c>offset</c>/<c>skip</c>, and <c>cursor</c> or <c>pagination=cursor</c>
/// for cursor paging. Conditions are and-ed. Unknown parameters are refused, so a misspelt filter never
/// silently widens a result.
/// </summary>
internal static class QueryStringParser
{
    private static readonly string[] Options =
        ["limit", "offset", "skip", "sort", "fields", "as_of", "cursor", "pagination", "include_removed", "count_total", "tags"];

    private static readonly string[] OffsetNames = ["offset", "skip"];

    public static ResourceQuery? Parse(IEnumerable<KeyValuePair<string, StringValues>> parameters, QueryErrors errors)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(errors);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var conditions = new List<FilterNode>();
        foreach (var (name, values) in parameters)
        {
            if (Options.Contains(name))
            {
                if (values.Count > 1)
                {
                    errors.Add(name, $"The parameter '{name}' is given more than once.");
                }
                else
                {
                    options[name] = values.ToString();
                }

                continue;
            }

            foreach (var value in values)
            {
                if (Condition(name, value ?? "", errors) is { } condition)
                {
                    conditions.Add(condition);
                }
            }
        }

        if (options.TryGetValue("tags", out var tags))
        {
            conditions.AddRange(Tags(tags, errors));
        }

        if (conditions.Count > FilterParser.MaxConditions)
        {
            errors.Add("$", $"At most {FilterParser.MaxConditions} filter conditions are allowed.");
        }

        var query = new ResourceQuery { Filter = conditions.Count > 0 ? new AndNode(conditions, "$") : null };
        if (options.TryGetValue("sort", out var sort))
        {
            query = query with { Sort = SortParser.Parse(sort, "sort", errors) ?? SortParser.Default };
        }

        if (options.TryGetValue("fields", out var fields))
        {
            query = query with { Fields = Fieldsets.Parse(fields, "fields", errors) };
        }

        if (options.TryGetValue("as_of", out var asOf))
        {
            if (QueryValues.TryParseTimestamp(asOf, out var instant))
            {
                query = query with { AsOf = new DateTimeOffset(instant) };
            }
            else
            {
                errors.Add("as_of", $"'as_of' must be an ISO-8601 timestamp such as 2025-01-31T12:00:00Z, got '{asOf}'.");
            }
        }

        query = query with
        {
            IncludeRemoved = Bool(options, "include_removed", errors),
            CountTotal = Bool(options, "count_total", errors),
            Limit = Integer(options, "limit", ResourceQuery.DefaultLimit, 1, ResourceQuery.MaxLimit, errors),
        };

        return Paging(options, query, errors) is { } paged && !errors.Any ? paged : null;
    }

    private static ResourceQuery? Paging(Dictionary<string, string> options, ResourceQuery query, QueryErrors errors)
    {
        var mode = options.GetValueOrDefault("pagination");
        if (mode is not (null or "cursor" or "offset"))
        {
            errors.Add("pagination", $"'pagination' must be 'cursor' or 'offset', got '{mode}'.");
            return null;
        }

        var cursor = options.GetValueOrDefault("cursor");
        if (cursor is not null && mode == "offset")
        {
            errors.Add("cursor", "'cursor' cannot be combined with pagination=offset.");
            return null;
        }

        if (cursor is null && mode != "cursor")
        {
            var offset = options.ContainsKey("offset") ? "offset" : "skip";
            if (options.ContainsKey("offset") && options.ContainsKey("skip"))
            {
                errors.Add("skip", "Give 'offset' or 'skip' (the same thing), not both.");
            }

            return query with { Offset = Integer(options, offset, 0, 0, int.MaxValue, errors) };
        }

        foreach (var name in OffsetNames.Where(options.ContainsKey))
        {
            errors.Add(name, $"'{name}' does not apply to cursor paging; follow next_cursor instead.");
        }

        return cursor is null || errors.Any
            ? query
            : query with { After = QueryCursor.Decode(cursor, query.Sort, "cursor", errors) };
    }

    /// <summary><c>&lt;field&gt;_&lt;op&gt;=value</c>, else <c>&lt;field&gt;=value</c> (eq).</summary>
    private static ConditionNode? Condition(string name, string value, QueryErrors errors)
    {
        foreach (var opName in QueryOperators.Names)
        {
            var suffix = "_" + opName;
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal)
                && QueryFields.Resolve(name[..^suffix.Length], out _) is { } field)
            {
                var op = QueryOperators.Parse(opName)!.Value;
                var json = op == QueryOperator.In
                    ? JsonSerializer.SerializeToElement(value.Split(',', StringSplitOptions.TrimEntries))
                    : QueryValues.String(value);
                return ConditionFactory.Create(field, op, json, loose: true, ConditionSite.ForParameter(name), errors);
            }
        }

        var plain = QueryFields.Resolve(name, out var problem);
        if (plain is null)
        {
            errors.Add(name, QueryFields.IsColumn(name) || name.StartsWith("tags.", StringComparison.Ordinal) || name.StartsWith("attributes.", StringComparison.Ordinal)
                ? problem!
                : $"Unknown query parameter '{name}'. Filter with <field>=value or <field>_<op>=value (ops: {QueryOperators.Known}; fields: {QueryFields.Known}); other parameters: {string.Join(", ", Options)}.");
            return null;
        }

        return ConditionFactory.Create(plain, QueryOperator.Eq, QueryValues.String(value), loose: true, ConditionSite.ForParameter(name), errors);
    }

    /// <summary>Seed 000's <c>tags=key:value,key2:value2</c>; a bare key means "has this tag".</summary>
    private static List<FilterNode> Tags(string tags, QueryErrors errors)
    {
        var conditions = new List<FilterNode>();
        foreach (var item in tags.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = item.IndexOf(':', StringComparison.Ordinal);
            var key = colon < 0 ? item : item[..colon];
            var field = QueryFields.Resolve("tags." + key, out var problem);
            if (field is null)
            {
                errors.Add("tags", $"'tags' takes key:value pairs separated by commas: {problem}");
                continue;
            }

            var condition = colon < 0
                ? ConditionFactory.Create(field, QueryOperator.Exists, null, loose: true, ConditionSite.ForParameter("tags"), errors)
                : ConditionFactory.Create(field, QueryOperator.Eq, QueryValues.String(item[(colon + 1)..]), loose: true, ConditionSite.ForParameter("tags"), errors);
            if (condition is not null)
            {
                conditions.Add(condition);
            }
        }

        return conditions;
    }

    private static bool Bool(Dictionary<string, string> options, string name, QueryErrors errors)
    {
        switch (options.GetValueOrDefault(name))
        {
            case null or "false" or "0":
                return false;
            case "true" or "1" or "":
                return true;
            case var other:
                errors.Add(name, $"'{name}' must be true or false, got '{other}'.");
                return false;
        }
    }

    private static int Integer(Dictionary<string, string> options, string name, int fallback, int min, int max, QueryErrors errors)
    {
        if (!options.TryGetValue(name, out var text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add(name, max == int.MaxValue
            ? $"'{name}' must be an integer of at least {min}, got '{text}'."
            : $"'{name}' must be an integer between {min} and {max}, got '{text}'.");
        return fallback;
    }
}
