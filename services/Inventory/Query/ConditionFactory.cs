using System.Text.Json;

namespace IacPlatform.Inventory.Query;

/// <summary>
/// Checks an operator and a value against a field and types the value (<see cref="ConditionNode"/>). Shared by the
/// DSL body (strict JSON types) and the query parameters (<c>loose</c>: every value arrives as a string).
/// </summary>
internal static class ConditionFactory
{
    public const int MaxInValues = 500;

    public static ConditionNode? Create(
        QueryField field, QueryOperator op, JsonElement? value, bool loose, ConditionSite site, QueryErrors errors)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(errors);
        if (Unsupported(field, op) is { } problem)
        {
            errors.Add(site.OperatorPath, problem);
            return null;
        }

        if (op == QueryOperator.Exists)
        {
            return ConditionValues.ExistsValue(value, loose) is { } exists
                ? new ConditionNode(field, op, [exists], site.Path)
                : Fail(errors, site.ValuePath, $"Operator 'exists' on '{field.Name}' takes true or false.");
        }

        if (value is not { } given)
        {
            return Fail(errors, site.ValuePath, $"Operator '{op.Name()}' on '{field.Name}' needs a value.");
        }

        if (op == QueryOperator.In)
        {
            return InValues(field, given, loose, site, errors);
        }

        if (op.IsPattern())
        {
            return given.ValueKind == JsonValueKind.String && QueryValues.IsStorable(given.GetString())
                ? new ConditionNode(field, op, [given.GetString()], site.Path)
                : Fail(errors, site.ValuePath, $"Operator '{op.Name()}' on '{field.Name}' needs a string value of at most {QueryValues.MaxStringLength} characters (no NUL).");
        }

        if (op.IsComparison())
        {
            return ConditionValues.ComparisonValue(field, given, loose, out var message) is { } bound
                ? new ConditionNode(field, op, [bound], site.Path)
                : Fail(errors, site.ValuePath, $"Operator '{op.Name()}' on '{field.Name}': {message}");
        }

        // eq, ne
        var values = ConditionValues.EqualityValues(field, given, loose, out var error);
        return values is null
            ? Fail(errors, site.ValuePath, $"Operator '{op.Name()}' on '{field.Name}': {error}")
            : new ConditionNode(field, op, values, site.Path);
    }

    /// <summary>Why an operator does not apply to a field, or null when it does.</summary>
    private static string? Unsupported(QueryField field, QueryOperator op)
    {
        var name = op.Name();
        return field.Kind switch
        {
            FieldKind.AnyTag when op.IsComparison() || op == QueryOperator.Exists =>
                $"Operator '{name}' does not apply to field 'tag' (any tag key or value); use eq, ne, in, contains, starts or ends.",
            FieldKind.Column when op.IsPattern() && field.ValueType != FieldValueType.Text =>
                $"Operator '{name}' only applies to text fields; '{field.Name}' is {ConditionValues.Describe(field.ValueType)}.",
            FieldKind.Column when op.IsComparison() && field.ValueType == FieldValueType.Uuid =>
                $"Operator '{name}' does not apply to '{field.Name}': a UUID is not comparable; use eq, ne or in.",
            FieldKind.Column when op == QueryOperator.Exists && !field.IsNullable =>
                $"Operator 'exists' does not apply to '{field.Name}', which always has a value; it applies to removed_at, tags.<key> and attributes.<path>.",
            _ => null,
        };
    }

    private static ConditionNode? InValues(QueryField field, JsonElement given, bool loose, ConditionSite site, QueryErrors errors)
    {
        if (given.ValueKind != JsonValueKind.Array || given.GetArrayLength() is 0 or > MaxInValues)
        {
            return Fail(errors, site.ValuePath, $"Operator 'in' on '{field.Name}' needs a non-empty array of at most {MaxInValues} values.");
        }

        var values = new List<object?>();
        var index = 0;
        foreach (var item in given.EnumerateArray())
        {
            string? problem = "null is not allowed in 'in'";
            var itemValues = item.ValueKind == JsonValueKind.Null && field.Kind != FieldKind.Attribute
                ? null
                : ConditionValues.EqualityValues(field, item, loose, out problem);
            if (itemValues is null)
            {
                var itemPath = loose ? site.ValuePath : $"{site.ValuePath}[{index}]";
                errors.Add(itemPath, $"Operator 'in' on '{field.Name}': item {index}: {problem?.TrimEnd('.')}.");
                return null;
            }

            values.AddRange(itemValues);
            index++;
        }

        return new ConditionNode(field, QueryOperator.In, [.. values.Distinct(ConditionValueComparer.Instance)], site.Path);
    }

    private static ConditionNode? Fail(QueryErrors errors, string path, string message)
    {
        errors.Add(path, message);
        return null;
    }
}
