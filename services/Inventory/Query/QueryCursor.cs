using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace IacPlatform.Inventory.Query;

/// <summary>
/// The opaque keyset cursor: base64url of <c>{"s": "&lt;sort signature&gt;", "k": [sort values of the last row]}</c>.
/// It carries no secret and needs none: its values only ever become typed SQL parameters. The signature binds it
/// to its sort, so a cursor replayed under another sort is refused instead of skipping or repeating rows.
/// </summary>
internal static class QueryCursor
{
    public const int MaxLength = 8192;

    public static string Encode(IReadOnlyList<SortKey> sort, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(sort);
        ArgumentNullException.ThrowIfNull(values);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("s", SortParser.Signature(sort));
            writer.WriteStartArray("k");
            for (var i = 0; i < sort.Count; i++)
            {
                switch (values[i])
                {
                    case null:
                        writer.WriteNullValue();
                        break;
                    case long number:
                        writer.WriteNumberValue(number);
                        break;
                    case Guid id:
                        writer.WriteStringValue(id);
                        break;
                    case DateTime instant:
                        writer.WriteStringValue(instant.ToString("O", CultureInfo.InvariantCulture));
                        break;
                    case string text:
                        writer.WriteStringValue(text);
                        break;
                    default:
                        throw new InvalidOperationException($"A sort value of type {values[i]!.GetType().Name} cannot go into a cursor.");
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Base64Url.EncodeToString(stream.ToArray());
    }

    /// <summary>The sort values a cursor carries, typed for <paramref name="sort"/>; null (with an error) when invalid.</summary>
    public static IReadOnlyList<object?>? Decode(string cursor, IReadOnlyList<SortKey> sort, string path, QueryErrors errors)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentNullException.ThrowIfNull(sort);
        ArgumentNullException.ThrowIfNull(errors);
        const string invalid = "The cursor is not valid; pass back the next_cursor of a previous page unchanged.";
        JsonDocument document;
        try
        {
            if (cursor.Length is 0 or > MaxLength)
            {
                errors.Add(path, invalid);
                return null;
            }

            document = JsonDocument.Parse(Base64Url.DecodeFromChars(cursor));
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            errors.Add(path, invalid);
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("s", out var signature) || signature.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("k", out var keys) || keys.ValueKind != JsonValueKind.Array)
            {
                errors.Add(path, invalid);
                return null;
            }

            var expected = SortParser.Signature(sort);
            if (signature.GetString() != expected)
            {
                errors.Add(path, $"The cursor was issued for another sort ('{signature.GetString()}'), not '{expected}'; keep the sort of the first page or start again without a cursor.");
                return null;
            }

            if (keys.GetArrayLength() != sort.Count)
            {
                errors.Add(path, invalid);
                return null;
            }

            var values = new List<object?>(sort.Count);
            var index = 0;
            foreach (var key in keys.EnumerateArray())
            {
                if (!TryRead(sort[index++].Field, key, out var value))
                {
                    errors.Add(path, invalid);
                    return null;
                }

                values.Add(value);
            }

            return values;
        }
    }

    private static bool TryRead(QueryField field, JsonElement key, out object? value)
    {
        value = null;
        if (key.ValueKind == JsonValueKind.Null)
        {
            return field.IsNullable || field.ValueType == FieldValueType.Json;
        }

        switch (field.ValueType)
        {
            case FieldValueType.Integer when key.ValueKind == JsonValueKind.Number && key.TryGetInt64(out var number):
                value = number;
                return true;
            case FieldValueType.Uuid when key.ValueKind == JsonValueKind.String && key.TryGetGuid(out var id):
                value = id;
                return true;
            case FieldValueType.Timestamp when key.ValueKind == JsonValueKind.String
                && DateTime.TryParse(key.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant)
                && instant.Kind == DateTimeKind.Utc:
                value = instant;
                return true;
            case FieldValueType.Text when key.ValueKind == JsonValueKind.String && !key.GetString()!.Contains('\0', StringComparison.Ordinal):
                value = key.GetString();
                return true;
            case FieldValueType.Json when key.ValueKind == JsonValueKind.String && IsJson(key.GetString()!)
                && !key.GetString()!.Contains("\\u0000", StringComparison.OrdinalIgnoreCase):
                value = key.GetString();
                return true;
            default:
                return false;
        }
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
