using System.Text.Json.Nodes;

namespace IacPlatform.Drift.Engine;

/// <summary>
/// Tags are always compared, key by key, at paths <c>tags.&lt;key&gt;</c>. Desired tags are the state's
/// <c>tags</c> (or <c>labels</c>, Google's name); <c>tags_all</c>/<c>terraform_labels</c> are not compared, but a
/// tag only the cloud has is not reported when <c>tags_all</c> holds it with that value (provider default tags).
/// Observed tags are <see cref="ObservedResource.Tags"/>, or the observed <c>tags</c>/<c>labels</c> attribute when
/// the adapter filled only that; the attribute is never compared a second time. Cloud-reserved <c>aws:</c> tags
/// are not reported as added. A null tag value equals an empty one.
/// </summary>
internal static class TagComparer
{
    public static void Compare(JsonObject desired, ObservedResource observed, List<RawDifference> found)
    {
        var expected = TagsOf(desired, "tags", "labels");
        var actual = observed.Tags;
        if (actual.Count == 0 && TagsOf(observed.Attributes, "tags", "labels") is { Count: > 0 } attributeTags)
        {
            actual = ToDictionary(attributeTags);
        }

        var matched = actual is Dictionary<string, string> dictionary
            ? CompareObserved(dictionary, expected, desired, found)
            : CompareObserved(actual, expected, desired, found);
        for (var i = 0; expected is not null && matched < expected.Count && i < expected.Count; i++)
        {
            var (key, value) = expected.GetAt(i);
            if (!actual.ContainsKey(key))
            {
                found.Add(Difference(key, value, null, DifferenceKinds.Removed));
            }
        }
    }

    /// <summary>The state's own tags (<c>tags</c>, or <c>labels</c>), if they are an object.</summary>
    public static JsonObject? TagsOf(JsonObject attributes, string name, string alternative) =>
        attributes.TryGetPropertyValue(name, out var tags) && tags is JsonObject tagObject ? tagObject
        : attributes.TryGetPropertyValue(alternative, out var other) && other is JsonObject otherObject ? otherObject
        : null;

    public static string Text(JsonNode? value) => value is JsonValue scalar ? JsonScalars.Text(scalar) ?? "" : value?.ToJsonString() ?? "";

    // Generic so that a Dictionary is walked with its struct enumerator; returns how many desired tags were found.
    private static int CompareObserved<TTags>(TTags actual, JsonObject? expected, JsonObject desired, List<RawDifference> found)
        where TTags : IEnumerable<KeyValuePair<string, string>>
    {
        var matched = 0;
        JsonObject? effective = null;
        foreach (var (key, actualText) in actual)
        {
            if (expected is not null && expected.TryGetPropertyValue(key, out var value))
            {
                matched++;
                if (!string.Equals(Text(value), actualText ?? "", StringComparison.Ordinal))
                {
                    found.Add(Difference(key, value, JsonValue.Create(actualText), DifferenceKinds.Changed));
                }
            }
            else if (!key.StartsWith("aws:", StringComparison.Ordinal)
                && !((effective ??= TagsOf(desired, "tags_all", "terraform_labels")) is { } defaults
                    && defaults.TryGetPropertyValue(key, out var defaultTag)
                    && string.Equals(Text(defaultTag), actualText ?? "", StringComparison.Ordinal)))
            {
                found.Add(Difference(key, null, JsonValue.Create(actualText), DifferenceKinds.Added));
            }
        }

        return matched;
    }

    private static Dictionary<string, string> ToDictionary(JsonObject tags)
    {
        var result = new Dictionary<string, string>(tags.Count, StringComparer.Ordinal);
        foreach (var (key, value) in tags)
        {
            result[key] = Text(value);
        }

        return result;
    }

    private static RawDifference Difference(string key, JsonNode? expected, JsonNode? actual, string kind) =>
        new(["tags", key], expected, actual, kind, IsTag: true);
}
