using System.Text;
using System.Text.Json;
using NpgsqlTypes;

namespace IacPlatform.Inventory.Query;

/// <summary>
/// Compiles a filter to a SQL predicate over the row alias <c>r</c>. Column names come from the
/// <see cref="QueryFields"/> whitelist; every value, tag key and JSON path is a parameter. Equality on tags and
/// attributes is JSON containment (<c>r.tags @&gt; @p</c>), which the GIN jsonb_path_ops indexes serve, with text
/// equality at the path beside it for strings (the expression indexes of the hot paths serve that); numeric
/// comparisons cast only values that are numbers (or numeric strings), so no stored value can make the query fail.
/// </summary>
internal sealed class FilterCompiler(SqlParameters parameters)
{
    /// <summary>A numeric string PostgreSQL's numeric input accepts, short enough never to overflow.</summary>
    private const string NumericText = @"'^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]{1,2})?\s*$'";

    public static string Compile(FilterNode node, SqlParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(parameters);
        return new FilterCompiler(parameters).Node(node);
    }

    /// <summary>The jsonb value of a tag or attribute field (SQL NULL when absent), for sorting and keysets.</summary>
    public static string JsonValue(QueryField field, SqlParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(parameters);
        return new JsonAccess(field, parameters).Json;
    }

    private string Node(FilterNode node) => node switch
    {
        AndNode and => "(" + string.Join(" AND ", and.Children.Select(Node)) + ")",
        OrNode or => "(" + string.Join(" OR ", or.Children.Select(Node)) + ")",
        // COALESCE: "not" is the complement of the matches, rows where the inner test is unknown (absent tag) included.
        NotNode not => "(NOT COALESCE(" + Node(not.Child) + ", FALSE))",
        ConditionNode condition => condition.Field.Kind switch
        {
            FieldKind.Column => Column(condition),
            FieldKind.AnyTag => AnyTag(condition),
            _ => Json(condition),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private string Column(ConditionNode condition)
    {
        var field = condition.Field;
        var column = "r." + field.Column;
        var values = condition.Values;
        switch (condition.Operator)
        {
            case QueryOperator.Eq or QueryOperator.In:
                return Equal(field, column, values);
            case QueryOperator.Ne:
                return values is [null]
                    ? $"{column} IS NOT NULL"
                    : field.IsNullable
                        ? $"({column} IS NULL OR NOT {Equal(field, column, values)})"
                        : $"NOT {Equal(field, column, values)}";
            case QueryOperator.Exists:
                return values[0] is true ? $"{column} IS NOT NULL" : $"{column} IS NULL";
            case var op when op.IsComparison():
                return $"{column} {op.Sql()} {parameters.Add(values[0], ScalarType(field.ValueType))}";
            default:
                return $"{column} ILIKE {parameters.Add(LikePatterns.For(condition.Operator, (string)values[0]!), NpgsqlDbType.Text)}";
        }
    }

    private string Equal(QueryField field, string column, IReadOnlyList<object?> values)
    {
        if (values is [null])
        {
            return $"{column} IS NULL";
        }

        var type = ScalarType(field.ValueType);
        return values.Count == 1
            ? $"{column} = {parameters.Add(values[0], type)}"
            : $"{column} = ANY({parameters.Add(TypedArray(field.ValueType, values), NpgsqlDbType.Array | type)})";
    }

    private string Json(ConditionNode condition)
    {
        var access = new JsonAccess(condition.Field, parameters);
        var values = condition.Values;
        switch (condition.Operator)
        {
            case QueryOperator.Eq or QueryOperator.In:
                return JsonEqual(condition.Field, access, values);
            case QueryOperator.Ne:
                // An absent value is "not equal" too: the exact comparison at a path gives NULL there.
                return $"NOT COALESCE({JsonEqual(condition.Field, access, values)}, FALSE)";
            case QueryOperator.Exists:
                var present = condition.Field.Kind == FieldKind.Tag
                    ? $"r.tags ? {access.Key}"
                    : $"{access.Json} IS NOT NULL";
                return values[0] is true ? present : $"NOT ({present})";
            case var op when op.IsComparison():
                if (values[0] is decimal number)
                {
                    var numeric = $"CASE WHEN jsonb_typeof({access.Json}) = 'number' THEN ({access.Json})::numeric "
                        + $"WHEN jsonb_typeof({access.Json}) = 'string' AND length({access.Text}) <= 64 AND {access.Text} ~ {NumericText} "
                        + $"THEN ({access.Text})::numeric END";
                    return $"({numeric}) {op.Sql()} {parameters.Add(number, NpgsqlDbType.Numeric)}";
                }

                return $"(jsonb_typeof({access.Json}) = 'string' AND {access.Text} {op.Sql()} {parameters.Add(values[0], NpgsqlDbType.Text)})";
            default:
                return $"{access.Text} ILIKE {parameters.Add(LikePatterns.For(condition.Operator, (string)values[0]!), NpgsqlDbType.Text)}";
        }
    }

    /// <summary>
    /// JSON equality: containment of <c>{"key": value}</c> (or the nested object of an attribute path), which the
    /// GIN index serves. Containment is exact for scalars; objects and arrays also get an exact <c>=</c> check (for
    /// them containment only means "includes"). A path with an array index cannot be containment: it compares with <c>#&gt;</c>.
    /// </summary>
    private string JsonEqual(QueryField field, JsonAccess access, IReadOnlyList<object?> values)
    {
        var json = values.Cast<JsonElement>().ToList();
        if (field.HasIndexSegment)
        {
            return ExactJson(access, json);
        }

        var column = field.Kind == FieldKind.Tag ? "r.tags" : "r.attributes";
        var documents = json.Select(value => Containment(field, value)).ToList();
        var contained = documents.Count == 1
            ? $"{column} @> {parameters.Add(documents[0], NpgsqlDbType.Jsonb)}"
            : $"{column} @> ANY({parameters.Add(documents.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Jsonb)})";
        if (json.Any(value => value.ValueKind is JsonValueKind.Object or JsonValueKind.Array))
        {
            return $"({contained} AND {ExactJson(access, json)})";
        }

        // For strings, text equality at the path is implied by containment, so adding it changes no result; it gives
        // the planner a statistic it can estimate and lets the expression indexes on hot paths serve the query.
        if (json.All(value => value.ValueKind == JsonValueKind.String))
        {
            var texts = json.Select(value => value.GetString()!).ToArray();
            var text = texts.Length == 1
                ? $"{access.Text} = {parameters.Add(texts[0], NpgsqlDbType.Text)}"
                : $"{access.Text} = ANY({parameters.Add(texts, NpgsqlDbType.Array | NpgsqlDbType.Text)})";
            return $"({text} AND {contained})";
        }

        return contained;
    }

    private string ExactJson(JsonAccess access, List<JsonElement> values) => values.Count == 1
        ? $"{access.Json} = {parameters.Add(values[0].GetRawText(), NpgsqlDbType.Jsonb)}"
        : $"{access.Json} = ANY({parameters.Add(values.Select(value => value.GetRawText()).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Jsonb)})";

    private string AnyTag(ConditionNode condition)
    {
        if (condition.Operator.IsPattern())
        {
            var pattern = parameters.Add(LikePatterns.For(condition.Operator, (string)condition.Values[0]!), NpgsqlDbType.Text);
            return $"EXISTS (SELECT 1 FROM jsonb_each_text(r.tags) AS t(key, value) WHERE t.key ILIKE {pattern} OR t.value ILIKE {pattern})";
        }

        var texts = condition.Values.Cast<string>().ToArray();
        string equal;
        if (texts.Length == 1)
        {
            var value = parameters.Add(texts[0], NpgsqlDbType.Text);
            equal = $"(r.tags ? {value} OR EXISTS (SELECT 1 FROM jsonb_each_text(r.tags) AS t(key, value) WHERE t.value = {value}))";
        }
        else
        {
            var list = parameters.Add(texts, NpgsqlDbType.Array | NpgsqlDbType.Text);
            equal = $"(r.tags ?| {list} OR EXISTS (SELECT 1 FROM jsonb_each_text(r.tags) AS t(key, value) WHERE t.value = ANY({list})))";
        }

        return condition.Operator == QueryOperator.Ne ? $"NOT {equal}" : equal;
    }

    private static string Containment(QueryField field, JsonElement value)
    {
        var path = field.Kind == FieldKind.Tag ? [field.TagKey!] : field.Path!;
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            foreach (var segment in path)
            {
                writer.WriteStartObject();
                writer.WritePropertyName(segment);
            }

            value.WriteTo(writer);
            foreach (var _ in path)
            {
                writer.WriteEndObject();
            }
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static NpgsqlDbType ScalarType(FieldValueType type) => type switch
    {
        FieldValueType.Text => NpgsqlDbType.Text,
        FieldValueType.Uuid => NpgsqlDbType.Uuid,
        FieldValueType.Timestamp => NpgsqlDbType.TimestampTz,
        FieldValueType.Integer => NpgsqlDbType.Bigint,
        _ => NpgsqlDbType.Jsonb,
    };

    private static Array TypedArray(FieldValueType type, IReadOnlyList<object?> values) => type switch
    {
        FieldValueType.Text => values.Cast<string>().ToArray(),
        FieldValueType.Uuid => values.Cast<Guid>().ToArray(),
        FieldValueType.Timestamp => values.Cast<DateTime>().ToArray(),
        FieldValueType.Integer => values.Cast<long>().ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>How SQL reaches a tag's or an attribute's value: the key or path is one parameter, added on first use.</summary>
    private sealed class JsonAccess(QueryField target, SqlParameters parameters)
    {
        private string? _key;

        public string Key => _key ??= target.Kind == FieldKind.Tag
            ? parameters.Add(target.TagKey, NpgsqlDbType.Text)
            : parameters.Add(target.Path!.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);

        public string Json => target.Kind == FieldKind.Tag ? $"(r.tags -> {Key})" : $"(r.attributes #> {Key})";

        public string Text => target.Kind == FieldKind.Tag ? $"(r.tags ->> {Key})" : $"(r.attributes #>> {Key})";
    }
}
