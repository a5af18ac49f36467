using System.Text.Json;

namespace IacPlatform.Inventory.Query;

/// <summary>
/// The DSL body of <c>POST /api/v1/resources/search</c>:
/// <c>{"filter", "sort", "pagination": {"cursor", "limit"}, "fields", "include_removed", "as_of", "count_total"}</c>,
/// every member optional. Unknown members are refused, so a misspelt option never silently does nothing.
/// </summary>
internal static class QueryRequestParser
{
    private static readonly string[] Members = ["filter", "sort", "pagination", "fields", "include_removed", "as_of", "count_total"];

    /// <param name="body">The request body; null or JSON null for an empty query (every resource, default sort).</param>
    /// <param name="fieldsParameter">The <c>fields</c> query parameter, the alternative to the body's <c>fields</c>.</param>
    public static ResourceQuery? Parse(JsonElement? body, string? fieldsParameter, QueryErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var root = body is { ValueKind: not JsonValueKind.Null } given ? given : JsonElement.Parse("{}");
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", "The request body must be a JSON object: {\"filter\", \"sort\", \"pagination\", \"fields\", \"include_removed\", \"as_of\", \"count_total\"}.");
            return null;
        }

        foreach (var member in root.EnumerateObject().Where(member => !Members.Contains(member.Name)))
        {
            errors.Add(member.Name, $"Unknown member '{member.Name}'; expected {string.Join(", ", Members)}.");
        }

        var query = new ResourceQuery();
        if (Member(root, "filter") is { } filter)
        {
            query = query with { Filter = FilterParser.Parse(filter, "filter", errors) };
        }

        if (Member(root, "sort") is { } sort)
        {
            query = query with { Sort = SortParser.Parse(sort, "sort", errors) ?? SortParser.Default };
        }

        query = Pagination(root, query, errors);

        var fields = Member(root, "fields");
        if (fields is not null && fieldsParameter is not null)
        {
            errors.Add("fields", "Give 'fields' in the body or as a query parameter, not both.");
        }
        else if (fields is { } inBody)
        {
            query = query with { Fields = Fieldsets.Parse(inBody, "fields", errors) };
        }
        else if (fieldsParameter is not null)
        {
            query = query with { Fields = Fieldsets.Parse(fieldsParameter, "fields", errors) };
        }

        query = query with
        {
            IncludeRemoved = Bool(root, "include_removed", errors),
            CountTotal = Bool(root, "count_total", errors),
        };

        if (Member(root, "as_of") is { } asOf)
        {
            if (asOf.ValueKind == JsonValueKind.String && QueryValues.TryParseTimestamp(asOf.GetString(), out var instant))
            {
                query = query with { AsOf = new DateTimeOffset(instant) };
            }
            else
            {
                errors.Add("as_of", $"'as_of' must be an ISO-8601 timestamp such as 2025-01-31T12:00:00Z, got {asOf.GetRawText()}.");
            }
        }

        return errors.Any ? null : query;
    }

    private static ResourceQuery Pagination(JsonElement root, ResourceQuery query, QueryErrors errors)
    {
        if (Member(root, "pagination") is not { } pagination)
        {
            return query;
        }

        if (pagination.ValueKind != JsonValueKind.Object)
        {
            errors.Add("pagination", "'pagination' must be an object: {\"cursor\", \"limit\"}.");
            return query;
        }

        foreach (var member in pagination.EnumerateObject().Where(member => member.Name is not ("cursor" or "limit")))
        {
            errors.Add($"pagination.{member.Name}", $"Unknown member '{member.Name}' in 'pagination'; expected 'cursor' and 'limit'.");
        }

        if (Member(pagination, "limit") is { } limit)
        {
            if (limit.ValueKind == JsonValueKind.Number && limit.TryGetInt32(out var value) && value is >= 1 and <= ResourceQuery.MaxLimit)
            {
                query = query with { Limit = value };
            }
            else
            {
                errors.Add("pagination.limit", $"'limit' must be an integer between 1 and {ResourceQuery.MaxLimit}, got {limit.GetRawText()}.");
            }
        }

        if (Member(pagination, "cursor") is { } cursor)
        {
            if (cursor.ValueKind != JsonValueKind.String)
            {
                errors.Add("pagination.cursor", "'cursor' must be a string (the next_cursor of a previous page).");
            }
            else if (!errors.Any)
            {
                query = query with { After = QueryCursor.Decode(cursor.GetString()!, query.Sort, "pagination.cursor", errors) };
            }
        }

        return query;
    }

    /// <summary>A member's value; an explicit JSON null counts as absent.</summary>
    private static JsonElement? Member(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static bool Bool(JsonElement root, string name, QueryErrors errors)
    {
        switch (Member(root, name))
        {
            case null:
                return false;
            case { ValueKind: JsonValueKind.True }:
                return true;
            case { ValueKind: JsonValueKind.False }:
                return false;
            case { } other:
                errors.Add(name, $"'{name}' must be true or false, got {other.GetRawText()}.");
                return false;
        }
    }
}
