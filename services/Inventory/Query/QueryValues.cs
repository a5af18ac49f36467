using System.Globalization;
using System.Text.Json;

namespace IacPlatform.Inventory.Query;

/// <summary>Parsing of the scalar values a query carries (timestamps, numbers, JSON literals).</summary>
internal static class QueryValues
{
    public const int MaxStringLength = 2048;

    /// <summary>ISO-8601 only (a date, or a date and time; no offset means UTC), returned as a UTC DateTime.</summary>
    public static bool TryParseTimestamp(string? text, out DateTime value)
    {
        value = default;
        if (text is null || text.Length < 10 || text.Length > 40 || !char.IsAsciiDigit(text[0]) || text[4] != '-' || text[7] != '-')
        {
            return false;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return false;
        }

        value = parsed.UtcDateTime;
        return true;
    }

    /// <summary>
    /// Text PostgreSQL can store: no NUL character (text and jsonb refuse it, and a refused parameter would fail the
    /// whole statement) and at most <see cref="MaxStringLength"/> characters.
    /// </summary>
    public static bool IsStorable(string? text) => text is not null && text.Length <= MaxStringLength && !text.Contains('\0', StringComparison.Ordinal);

    /// <summary>A JSON value whose strings PostgreSQL can store (an escaped NUL, <c>\u0000</c>, is refused by jsonb).</summary>
    public static bool IsStorable(JsonElement value) => !value.GetRawText().Contains("\\u0000", StringComparison.OrdinalIgnoreCase);

    public static bool TryParseDecimal(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    public static JsonElement String(string value) => JsonSerializer.SerializeToElement(value);

    /// <summary>
    /// The JSON values an untyped query-string value may stand for when compared as JSON: the string itself, and
    /// the number, boolean or null it spells (so <c>attributes.port_eq=8080</c> finds 8080 and "8080").
    /// </summary>
    public static IEnumerable<JsonElement> LooseAlternatives(string text)
    {
        yield return String(text);
        if (text is "true" or "false" or "null")
        {
            yield return JsonElement.Parse(text);
        }
        else if (TryParseDecimal(text, out _) && IsJsonNumber(text))
        {
            yield return JsonElement.Parse(text);
        }
    }

    private static bool IsJsonNumber(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Number;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
