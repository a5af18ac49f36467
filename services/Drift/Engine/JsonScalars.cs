using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IacPlatform.Drift.Engine;

/// <summary>
/// Scalar reading and equality over <see cref="JsonValue"/>s of any backing (CLR primitives from a builder, or
/// <see cref="JsonElement"/>s from <c>JsonNode.Parse</c>), without serialising: <c>"8080"</c> equals <c>8080</c>,
/// <c>"true"</c> equals <c>true</c>, <c>8080</c> equals <c>8080.0</c>.
/// </summary>
internal static class JsonScalars
{
    private static readonly Type StringValueType = JsonValue.Create("").GetType();
    private static readonly Type ElementValueType = JsonNode.Parse("\"\"")!.GetType();

    /// <summary>Null, absent, <c>""</c>, <c>false</c>, <c>[]</c> and <c>{}</c>: what Terraform stores for "not set".</summary>
    public static bool IsDefault(JsonNode? node) => node switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonObject obj => obj.Count == 0,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => IsEmptyString(value),
            JsonValueKind.False or JsonValueKind.Null => true,
            _ => false,
        },
        _ => false,
    };

    /// <summary>The scalar as text: strings as they are, numbers in invariant form, <c>true</c>/<c>false</c>; null for non-scalars.</summary>
    public static string? Text(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => StringOf(value),
        JsonValueKind.Number => TryGetInt64(value, out var integer)
            ? integer.ToString(CultureInfo.InvariantCulture)
            : TryGetDouble(value, out var number) ? number.ToString("R", CultureInfo.InvariantCulture) : value.ToJsonString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    /// <summary>
    /// <see cref="ScalarEquals"/> that also tells whether each side is a default form (<c>""</c>, <c>false</c>), reading
    /// each value once: the comparison's hot path (every <c>TryGetValue&lt;T&gt;</c> is a generic virtual call).
    /// </summary>
    public static bool Equal(JsonValue a, JsonValue b, out bool aDefault, out bool bDefault)
    {
        var kindA = a.GetValueKind();
        var kindB = b.GetValueKind();
        var textA = kindA == JsonValueKind.String ? StringOf(a) : null;
        var textB = kindB == JsonValueKind.String ? StringOf(b) : null;
        aDefault = kindA is JsonValueKind.False or JsonValueKind.Null || textA?.Length == 0;
        bDefault = kindB is JsonValueKind.False or JsonValueKind.Null || textB?.Length == 0;
        if (kindA == kindB)
        {
            return kindA switch
            {
                JsonValueKind.String => string.Equals(textA, textB, StringComparison.Ordinal),
                JsonValueKind.Number => NumberEquals(a, b),
                _ => true,
            };
        }

        return (aDefault && bDefault)
            || (kindA == JsonValueKind.String ? TextMatches(textA, b, kindB) : kindB == JsonValueKind.String && TextMatches(textB, a, kindA));
    }

    public static bool ScalarEquals(JsonValue a, JsonValue b)
    {
        var kindA = a.GetValueKind();
        var kindB = b.GetValueKind();
        if (kindA == kindB)
        {
            return kindA switch
            {
                JsonValueKind.String => a.TryGetValue<string>(out var textA) && b.TryGetValue<string>(out var textB)
                    ? string.Equals(textA, textB, StringComparison.Ordinal)
                    : string.Equals(StringOf(a), StringOf(b), StringComparison.Ordinal),
                JsonValueKind.Number => NumberEquals(a, b),
                _ => true,
            };
        }

        return kindA == JsonValueKind.String ? TextMatches(StringOf(a), b, kindB)
            : kindB == JsonValueKind.String && TextMatches(StringOf(b), a, kindA);
    }

    /// <summary>A string/number/bool node equal to <paramref name="expected"/> under <see cref="ScalarEquals"/>.</summary>
    public static bool Matches(JsonNode? node, JsonValue expected) => node is JsonValue value && ScalarEquals(value, expected);

    public static bool IsTrue(JsonNode? node) => node is JsonValue value && value.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.String => string.Equals(StringOf(value), "true", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    public static bool TryGetInt64(JsonValue value, out long result)
    {
        if (value.TryGetValue(out result))
        {
            return true;
        }

        (var ok, result) = value switch
        {
            _ when value.TryGetValue<int>(out var i) => (true, i),
            _ when value.TryGetValue<JsonElement>(out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var l) => (true, l),
            _ when value.TryGetValue<short>(out var s) => (true, s),
            _ when value.TryGetValue<uint>(out var u) => (true, u),
            _ when value.TryGetValue<byte>(out var b) => (true, b),
            _ when value.TryGetValue<ushort>(out var us) => (true, us),
            _ when value.TryGetValue<sbyte>(out var sb) => (true, sb),
            _ when value.TryGetValue<ulong>(out var ul) && ul <= long.MaxValue => (true, (long)ul),
            _ => (false, 0L),
        };
        return ok;
    }

    public static bool TryGetDouble(JsonValue value, out double result)
    {
        if (value.TryGetValue(out result))
        {
            return true;
        }

        if (TryGetInt64(value, out var integer))
        {
            result = integer;
            return true;
        }

        (var ok, result) = value switch
        {
            _ when value.TryGetValue<decimal>(out var m) => (true, (double)m),
            _ when value.TryGetValue<float>(out var f) => (true, f),
            _ when value.TryGetValue<JsonElement>(out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var d) => (true, d),
            _ when value.TryGetValue<ulong>(out var ul) => (true, ul),
            _ => (false, 0d),
        };
        return ok;
    }

    private static bool NumberEquals(JsonValue a, JsonValue b) =>
        TryGetInt64(a, out var integerA) && TryGetInt64(b, out var integerB)
            ? integerA == integerB
            : TryGetDouble(a, out var numberA) && TryGetDouble(b, out var numberB) && numberA.Equals(numberB);

    private static bool TextMatches(string? text, JsonValue other, JsonValueKind kind) => text is not null && kind switch
    {
        JsonValueKind.Number => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) && TryGetInt64(other, out var otherInteger)
            ? integer == otherInteger
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && TryGetDouble(other, out var otherNumber) && number.Equals(otherNumber),
        JsonValueKind.True => text.Equals("true", StringComparison.OrdinalIgnoreCase),
        JsonValueKind.False => text.Equals("false", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private static bool IsEmptyString(JsonValue value) =>
        value.TryGetValue<string>(out var text) ? text.Length == 0
        : value.TryGetValue<JsonElement>(out var element) ? element.ValueEquals(""u8)
        : StringOf(value)?.Length == 0;

    private static string? StringOf(JsonValue value)
    {
        // ToString returns a string value itself for exactly these two node classes (no generic virtual call).
        var type = value.GetType();
        if (type == StringValueType || type == ElementValueType)
        {
            return value.GetValueKind() == JsonValueKind.String ? value.ToString() : null;
        }

        if (value.TryGetValue<string>(out var text))
        {
            return text;
        }

        if (value.TryGetValue<JsonElement>(out var element))
        {
            return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        }

        // Other CLR values that serialise as JSON strings (Guid, DateTimeOffset, char, enums with a string converter).
        using var document = JsonDocument.Parse(value.ToJsonString());
        return document.RootElement.ValueKind == JsonValueKind.String ? document.RootElement.GetString() : null;
    }
}
