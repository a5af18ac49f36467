using IacPlatform.ServiceDefaults.Errors;

namespace IacPlatform.State.Domain.Backends;

/// <summary>A backend configuration split by the schema: plain values (strings and booleans), secrets, and what was wrong.</summary>
public sealed class BackendConfig
{
    public SortedDictionary<string, object> Values { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, string> Secrets { get; } = new(StringComparer.Ordinal);

    public List<FieldError> Errors { get; } = [];

    /// <summary>The URL-valued keys, for the outbound guard's checks (which need DNS, so they are not made here).</summary>
    public IEnumerable<KeyValuePair<string, string>> Urls(BackendSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        foreach (var key in schema.Keys.Where(k => k.Kind == ConfigKeyKind.Url))
        {
            if (Values.TryGetValue(key.Name, out var value) && value is string url)
            {
                yield return new(key.Name, url);
            }
        }
    }
}
