using System.Globalization;
using System.Text.Json;

namespace IacPlatform.Inventory.Query;

/// <summary>
/// Typing of condition values per field (see <see cref="ConditionNode"/> for what each operator holds). A null
/// result comes with the problem, for <see cref="ConditionFactory"/> to report at the value's path.
/// </summary>
internal static class ConditionValues
{
    /// <summary>The values eq/ne/in accept for one given value; null with a problem when it does not fit the field.</summary>
    public static List<object?>? EqualityValues(QueryField field, JsonElement value, bool loose, out string? problem)
    {
        problem = null;
        switch (field.Kind)
        {
            case FieldKind.Attribute:
                if (loose && value.ValueKind == JsonValueKind.String && QueryValues.IsStorable(value.GetString()))
                {
                    return [.. QueryValues.LooseAlternatives(value.GetString()!).Cast<object?>()];
                }

                if (!QueryValues.IsStorable(value))
                {
                    problem = "strings may not contain the NUL character";
                    return null;
                }

                return [value.Clone()];
            case FieldKind.Tag or FieldKind.AnyTag:
                if (TagText(value) is { } text)
                {
                    return field.Kind == FieldKind.Tag ? [QueryValues.String(text)] : [text];
                }

                problem = "tag values are strings (numbers and booleans are taken as their text)";
                return null;
            default:
                if (value.ValueKind == JsonValueKind.Null && field.IsNullable)
                {
                    return [null];
                }

                return ColumnValue(field, value, loose, out problem) is { } column ? [column] : null;
        }
    }

    public static object? ComparisonValue(QueryField field, JsonElement value, bool loose, out string? problem)
    {
        problem = null;
        if (field.Kind == FieldKind.Column)
        {
            return ColumnValue(field, value, loose, out problem);
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetDecimal(out var number):
                return number;
            case JsonValueKind.String when QueryValues.IsStorable(value.GetString()):
                var text = value.GetString()!;
                return loose && QueryValues.TryParseDecimal(text, out var parsed) ? parsed : text;
            default:
                problem = "needs a number (compared numerically) or a string (compared as text).";
                return null;
        }
    }

    public static object? ColumnValue(QueryField field, JsonElement value, bool loose, out string? problem)
    {
        problem = null;
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        switch (field.ValueType)
        {
            case FieldValueType.Text when QueryValues.IsStorable(text):
                return text;
            case FieldValueType.Uuid when Guid.TryParse(text, out var id):
                return id;
            case FieldValueType.Timestamp when QueryValues.TryParseTimestamp(text, out var instant):
                return instant;
            case FieldValueType.Integer when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number):
                return number;
            case FieldValueType.Integer when loose && long.TryParse(text, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            default:
                problem = $"expected {Describe(field.ValueType)}, got {Show(value)}.";
                return null;
        }
    }

    public static bool? ExistsValue(JsonElement? value, bool loose) => value switch
    {
        null => true,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } text when loose => text.GetString() switch
        {
            "true" or "" => true,
            "false" => false,
            _ => null,
        },
        _ => null,
    };

    private static string? TagText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String when QueryValues.IsStorable(value.GetString()) => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    public static string Describe(FieldValueType type) => type switch
    {
        FieldValueType.Text => "a string (at most 2048 characters, no NUL)",
        FieldValueType.Uuid => "a UUID",
        FieldValueType.Timestamp => "an ISO-8601 timestamp",
        FieldValueType.Integer => "an integer",
        _ => "a JSON value",
    };

    private static string Show(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length > 60 ? raw[..60] + "…" : raw;
    }
}
