using System.Text.Json;

namespace IacPlatform.State.Runs;

/// <summary>A validated request for a resource: its name, its kind and its settings in the order given.</summary>
public sealed record ResourceSpec(string Name, ResourceKind Kind, IReadOnlyList<KeyValuePair<string, JsonElement>> Settings)
{
    public string? Setting(string key) => Settings.FirstOrDefault(s => s.Key == key).Value is { ValueKind: not JsonValueKind.Undefined } value
        ? (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText())
        : null;

    /// <summary>"t3.medium EC2 instance in us-east-1".</summary>
    public string Details
    {
        get
        {
            var summary = Kind.SummaryKey is { } summaryKey ? Setting(summaryKey) : null;
            var location = Kind.LocationKey is { } locationKey ? Setting(locationKey) : null;
            var text = summary is null ? Kind.Label : $"{summary} {Kind.Label}";
            text = location is null ? text : $"{text} in {location}";
            return text.Length > 200 ? text[..200] : text;
        }
    }

    /// <summary>The settings as a compact JSON object, as stored.</summary>
    public string ConfigurationJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in Settings)
            {
                writer.WritePropertyName(key);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
