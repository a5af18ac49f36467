using System.Globalization;
using System.Text.Json.Nodes;

namespace IacPlatform.Drift.Engine;

/// <summary>
/// Walks one desired/observed pair and records the differences that survive normalisation. Only keys the observed
/// side reports are compared (adapters report a subset), and only those Terraform's state knows (the state writes
/// every schema attribute, nulls included); tags are always compared (see <see cref="TagComparer"/>).
/// Normalisation: null ≡ absent ≡ <c>""</c> ≡ <c>false</c> ≡ <c>[]</c> ≡ <c>{}</c>, plus per-type defaults; scalars
/// across types (<see cref="JsonScalars.ScalarEquals"/>); a one-object list ≡ the object; set-like lists in any
/// order; ignored keys skipped at any depth (<see cref="TypeProfiles"/>). One instance per Compare call: it reuses
/// its buffers and is not thread-safe.
/// </summary>
internal sealed partial class AttributeComparer
{
    private readonly AttributePath path = new();
    private readonly List<RawDifference> found = [];
    private TypeProfile profile = null!;
    private bool collecting;

    /// <summary>The differences of the pair, ordered by path (then kind); the list is reused by the next call.</summary>
    public List<RawDifference> Compare(DesiredResource desired, ObservedResource observed)
    {
        found.Clear();
        profile = TypeProfiles.For(desired.Type);
        collecting = true;
        var expected = desired.Attributes;
        var actual = observed.Attributes;
        for (var i = 0; i < actual.Count; i++)
        {
            var (key, actualNode) = actual.GetAt(i);
            if ((key is "tags" or "labels" && actualNode is null or JsonObject) || !TryGetExpected(expected, key, out var expectedNode))
            {
                continue;
            }

            path.Push(key);
            DiffNode(expectedNode, actualNode, key);
            path.Pop();
        }

        TagComparer.Compare(expected, observed, found);
        if (found.Count > 1)
        {
            found.Sort(static (a, b) => ComparePaths(a.Segments, b.Segments) is var order and not 0 ? order : string.CompareOrdinal(a.Kind, b.Kind));
        }

        return found;
    }

    private static int ComparePaths(string[] a, string[] b)
    {
        for (var i = 0; i < a.Length && i < b.Length; i++)
        {
            var order = a[i].Length != b[i].Length && int.TryParse(a[i], NumberStyles.None, CultureInfo.InvariantCulture, out var x)
                && int.TryParse(b[i], NumberStyles.None, CultureInfo.InvariantCulture, out var y)
                ? x.CompareTo(y)
                : string.CompareOrdinal(a[i], b[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    private bool DiffNode(JsonNode? expected, JsonNode? actual, string key)
    {
        if (ReferenceEquals(expected, actual))
        {
            return true;
        }

        if (expected is JsonValue expectedValue && actual is JsonValue actualValue)
        {
            if (JsonScalars.Equal(expectedValue, actualValue, out var expectedEmpty, out var actualEmpty))
            {
                return true;
            }

            return ((expectedEmpty || actualEmpty)
                    && profile.TryGetDefault(key, out var scalarDefault) && JsonScalars.Matches(expectedEmpty ? actual : expected, scalarDefault))
                || Report(expected, actual, expectedEmpty ? DifferenceKinds.Added : actualEmpty ? DifferenceKinds.Removed : DifferenceKinds.Changed);
        }

        var expectedDefault = JsonScalars.IsDefault(expected);
        var actualDefault = JsonScalars.IsDefault(actual);
        if (expectedDefault || actualDefault)
        {
            return (expectedDefault && actualDefault)
                || (profile.TryGetDefault(key, out var fallback) && JsonScalars.Matches(expectedDefault ? actual : expected, fallback))
                || Report(expected, actual, expectedDefault ? DifferenceKinds.Added : DifferenceKinds.Removed);
        }

        switch (actual)
        {
            case JsonObject actualObject when expected is JsonObject expectedObject:
                return DiffObject(expectedObject, actualObject);
            case JsonObject actualObject when expected is JsonArray { Count: 1 } list && list[0] is JsonObject single:
                // Terraform keeps a nested block as a one-element list; the path follows Terraform's shape.
                path.Push(0);
                var same = DiffObject(single, actualObject);
                path.Pop();
                return same;
            case JsonArray actualArray when expected is JsonArray expectedArray:
                return DiffArray(expectedArray, actualArray, key);
            case JsonArray { Count: 1 } actualArray when expected is JsonObject expectedObject && actualArray[0] is JsonObject actualSingle:
                return DiffObject(expectedObject, actualSingle);
            default:
                return Report(expected, actual, DifferenceKinds.Changed);
        }
    }

    private bool DiffObject(JsonObject expected, JsonObject actual)
    {
        var equal = true;
        for (var i = 0; i < actual.Count; i++)
        {
            var (key, actualNode) = actual.GetAt(i);
            if (!TryGetExpected(expected, key, out var expectedNode))
            {
                continue;
            }

            path.Push(key);
            var same = DiffNode(expectedNode, actualNode, key);
            path.Pop();
            if (!same)
            {
                equal = false;
                if (!collecting)
                {
                    return false;
                }
            }
        }

        return equal;
    }

    /// <summary>The desired node under <paramref name="key"/>, unless the key is ignored or the state does not have it.</summary>
    private bool TryGetExpected(JsonObject expected, string key, out JsonNode? node)
    {
        node = null;
        return (profile.Traits(key) & KeyTraits.Ignored) == 0 && expected.TryGetPropertyValue(key, out node);
    }

    private bool Report(JsonNode? expected, JsonNode? actual, string kind)
    {
        if (collecting)
        {
            found.Add(new RawDifference(path.ToArray(), expected, actual, kind, IsTag: false));
        }

        return false;
    }

    private bool Quietly(JsonNode? expected, JsonNode? actual, string key)
    {
        var was = collecting;
        collecting = false;
        var same = DiffNode(expected, actual, key);
        collecting = was;
        return same;
    }
}
