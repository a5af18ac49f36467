using NpgsqlTypes;

namespace IacPlatform.Inventory.Query;

/// <summary>
/// Builds the SQL of a <see cref="ResourceQuery"/>: source (current rows, or the history as of an instant), filter,
/// keyset after the cursor, order and limit. Nothing from the request is ever part of the SQL text.
/// </summary>
internal static class ResourceQueryCompiler
{
    /// <summary>
    /// The resources as of <c>@as_of</c>: per resource its last history entry at or before the instant. name, status,
    /// region, tags, attributes and version are the snapshot's; the rest never changes. updated_at and last_seen_at
    /// are the snapshot's recorded_at (when a sync last touched a resource is not kept historically); removed_at is the
    /// recorded_at of a "removed" entry. GIN indexes do not apply to history: an as_of query scans.
    /// </summary>
    private const string AsOfSource = """
        (SELECT c.id, c.account_id, c.provider, c.service, h.region, c.type, c.category, c.native_id, h.name, h.status,
                h.tags, h.attributes, h.version, c.first_seen_at, h.recorded_at AS updated_at,
                h.recorded_at AS last_seen_at, CASE WHEN h.change = 'removed' THEN h.recorded_at END AS removed_at
         FROM resources c
         JOIN LATERAL (SELECT e.region, e.name, e.status, e.tags, e.attributes, e.version, e.recorded_at, e.change
                       FROM resource_history e
                       WHERE e.resource_id = c.id AND e.recorded_at <= @as_of
                       ORDER BY e.recorded_at DESC, e.id DESC
                       LIMIT 1) h ON TRUE) r
        """;

    public static CompiledResourceQuery Compile(ResourceQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new SqlParameters();
        var from = Source(query, parameters);
        var where = Where(query, parameters);

        var keys = query.Sort.Select(key => (Key: key, Sql: Expression(key.Field, parameters))).ToList();
        var projection = string.Join("", keys.Select((key, i) =>
            $", {(key.Key.Field.ValueType == FieldValueType.Json ? $"({key.Sql})::text" : key.Sql)} AS k{i}"));
        var order = string.Join(", ", keys.Select(key => key.Sql + Direction(key.Key)));

        if (query.After is { } after)
        {
            where.Add(Keyset(keys, after, parameters));
        }

        var sql = $"SELECT {ResourceRows.Columns}{projection} FROM {from} WHERE {string.Join(" AND ", where)} ORDER BY {order}";
        if (query.IsCursorMode)
        {
            // One extra row says whether there is a next page.
            sql += $" LIMIT {parameters.Add(query.Limit + 1, NpgsqlDbType.Integer)}";
        }
        else
        {
            sql += $" LIMIT {parameters.Add(query.Limit, NpgsqlDbType.Integer)} OFFSET {parameters.Add(query.Offset!.Value, NpgsqlDbType.Integer)}";
        }

        CompiledQuery? count = null;
        if (query.CountTotal || !query.IsCursorMode)
        {
            var countParameters = new SqlParameters();
            var countFrom = Source(query, countParameters);
            var countWhere = Where(query, countParameters);
            count = new CompiledQuery($"SELECT count(*) FROM {countFrom} WHERE {string.Join(" AND ", countWhere)}", countParameters.Items);
        }

        return new CompiledResourceQuery(new CompiledQuery(sql, parameters.Items), count, query.Sort);
    }

    /// <summary>The SQL of a sortable field over the alias <c>r</c>.</summary>
    public static string Expression(QueryField field, SqlParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Kind == FieldKind.Column ? "r." + field.Column : FilterCompiler.JsonValue(field, parameters);
    }

    private static string Source(ResourceQuery query, SqlParameters parameters) =>
        query.AsOf is { } asOf
            ? AsOfSource.Replace("@as_of", parameters.Add(asOf.UtcDateTime, NpgsqlDbType.TimestampTz), StringComparison.Ordinal)
            : "resources r";

    private static List<string> Where(ResourceQuery query, SqlParameters parameters)
    {
        var where = new List<string>();
        if (!query.IncludeRemoved)
        {
            where.Add("r.removed_at IS NULL");
        }

        if (query.Filter is { } filter)
        {
            where.Add(FilterCompiler.Compile(filter, parameters));
        }

        if (where.Count == 0)
        {
            where.Add("TRUE");
        }

        return where;
    }

    private static bool IsNullable(SortKey key) => key.Field.IsNullable || key.Field.ValueType == FieldValueType.Json;

    /// <summary>Nulls (an absent tag or attribute, no removed_at) sort last either way; plain ASC/DESC otherwise, so indexes match.</summary>
    private static string Direction(SortKey key) =>
        (key.Descending ? " DESC" : " ASC") + (IsNullable(key) ? " NULLS LAST" : "");

    /// <summary>
    /// The rows after the cursor's: a row comparison when every key is NOT NULL and in one direction (the form a
    /// composite index serves), otherwise the expanded "equal on the first i keys and after on key i" with NULLs last.
    /// </summary>
    private static string Keyset(List<(SortKey Key, string Sql)> keys, IReadOnlyList<object?> after, SqlParameters parameters)
    {
        var values = keys.Select((key, i) => after[i] is null
            ? null
            : parameters.Add(after[i], key.Key.Field.ValueType == FieldValueType.Json ? NpgsqlDbType.Jsonb : FilterCompiler.ScalarType(key.Key.Field.ValueType)))
            .ToList();

        if (keys.All(key => !IsNullable(key.Key)) && keys.All(key => key.Key.Descending == keys[0].Key.Descending))
        {
            var op = keys[0].Key.Descending ? "<" : ">";
            return $"({string.Join(", ", keys.Select(key => key.Sql))}) {op} ({string.Join(", ", values)})";
        }

        var terms = new List<string>();
        for (var i = 0; i < keys.Count; i++)
        {
            if (values[i] is not { } value)
            {
                // Nothing sorts after a NULL on this key but other NULLs, which the next keys order.
                continue;
            }

            var parts = new List<string>();
            for (var j = 0; j < i; j++)
            {
                parts.Add(values[j] is { } equal ? $"{keys[j].Sql} = {equal}" : $"{keys[j].Sql} IS NULL");
            }

            var op = keys[i].Key.Descending ? "<" : ">";
            parts.Add(IsNullable(keys[i].Key)
                ? $"({keys[i].Sql} {op} {value} OR {keys[i].Sql} IS NULL)"
                : $"{keys[i].Sql} {op} {value}");
            terms.Add("(" + string.Join(" AND ", parts) + ")");
        }

        return terms.Count == 0 ? "FALSE" : "(" + string.Join(" OR ", terms) + ")";
    }
}
