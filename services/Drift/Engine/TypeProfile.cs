using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace IacPlatform.Drift.Engine;

/// <summary>
/// The normalisation tables of one resource type (see <see cref="TypeProfiles"/>): which keys are ignored, which
/// lists are sets, and the provider defaults a null may stand for. Traits are looked up by key name at any depth
/// and cached, so the hot loop pays one dictionary read per attribute.
/// </summary>
internal sealed class TypeProfile(FrozenSet<string> ignored, FrozenSet<string> setLike, FrozenDictionary<string, JsonValue> defaults)
{
    private readonly ConcurrentDictionary<string, KeyTraits> traits = new();

    public KeyTraits Traits(string key) =>
        traits.TryGetValue(key, out var known) ? known : traits.GetOrAdd(key, Compute(key));

    /// <summary>The value Terraform or the provider uses when the attribute is not set (beyond the empty forms).</summary>
    public bool TryGetDefault(string key, out JsonValue value) => defaults.TryGetValue(key, out value!);

    private KeyTraits Compute(string key)
    {
        var result = KeyTraits.None;
        if (ignored.Contains(key) || IsTimestamp(key))
        {
            result |= KeyTraits.Ignored;
        }

        if (setLike.Contains(key) || key.EndsWith("_ids", StringComparison.Ordinal)
            || key.EndsWith("cidr_blocks", StringComparison.Ordinal) || key.EndsWith("security_groups", StringComparison.Ordinal))
        {
            result |= KeyTraits.SetLike;
        }

        return result;
    }

    private static bool IsTimestamp(string key) =>
        key.EndsWith("_timestamp", StringComparison.Ordinal) || key.EndsWith("_at", StringComparison.Ordinal)
        || key.StartsWith("last_modified", StringComparison.Ordinal);
}
