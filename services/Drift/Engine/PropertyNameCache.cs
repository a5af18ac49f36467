using System.Text;
using System.Text.Json;

namespace IacPlatform.Drift.Engine;

/// <summary>
/// Shares one string per property name across a document: a state repeats the same few hundred attribute names
/// for every instance, so interning them saves an allocation per property and the memory it holds. Bounded: past
/// <see cref="MaxEntries"/> distinct names, new ones are returned unshared.
/// </summary>
internal sealed class PropertyNameCache
{
    private const int MaxLength = 64;
    private const int MaxEntries = 8_192;

    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public PropertyNameCache() => lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The current token's text (a property name or a string), shared when short and seen before.</summary>
    public string Get(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > MaxLength)
        {
            return reader.GetString()!;
        }

        Span<char> chars = stackalloc char[MaxLength];
        var length = Encoding.UTF8.GetChars(reader.ValueSpan, chars);
        var text = chars[..length];
        if (lookup.TryGetValue(text, out var name))
        {
            return name;
        }

        name = text.ToString();
        if (names.Count < MaxEntries)
        {
            names.Add(name, name);
        }

        return name;
    }
}
