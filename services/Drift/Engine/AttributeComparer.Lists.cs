using System.Text.Json.Nodes;

namespace IacPlatform.Drift.Engine;

internal sealed partial class AttributeComparer
{
    private const int SmallSet = 16;
    private const int StackLimit = 128;

    private bool DiffArray(JsonArray expected, JsonArray actual, string key)
    {
        var setLike = (profile.Traits(key) & KeyTraits.SetLike) != 0;
        if (!AllObjects(expected) || !AllObjects(actual))
        {
            // Lists of scalars are reported whole: the list is the value users recognise.
            var same = setLike ? SetEquals(expected, actual, key) : ListEquals(expected, actual, key);
            return same || Report(expected, actual, DifferenceKinds.Changed);
        }

        return setLike ? DiffObjectSet(expected, actual, key) : DiffObjectList(expected, actual, key);
    }

    private bool ListEquals(JsonArray expected, JsonArray actual, string key)
    {
        if (expected.Count != actual.Count)
        {
            return false;
        }

        for (var i = 0; i < expected.Count; i++)
        {
            if (!Quietly(expected[i], actual[i], key))
            {
                return false;
            }
        }

        return true;
    }

    private bool SetEquals(JsonArray expected, JsonArray actual, string key)
    {
        var count = expected.Count;
        if (count != actual.Count)
        {
            return false;
        }

        if (count > SmallSet)
        {
            return LargeSetEquals(expected, actual);
        }

        Span<bool> used = stackalloc bool[count];
        for (var i = 0; i < count; i++)
        {
            var match = -1;
            for (var j = 0; j < count && match < 0; j++)
            {
                if (!used[j] && Quietly(expected[i], actual[j], key))
                {
                    match = j;
                }
            }

            if (match < 0)
            {
                return false;
            }

            used[match] = true;
        }

        return true;
    }

    // Big sets (hundreds of CIDRs) as multisets of canonical text, to stay linear.
    private static bool LargeSetEquals(JsonArray expected, JsonArray actual)
    {
        var counts = new Dictionary<string, int>(expected.Count, StringComparer.Ordinal);
        foreach (var node in expected)
        {
            var text = Canonical(node);
            counts[text] = counts.GetValueOrDefault(text) + 1;
        }

        foreach (var node in actual)
        {
            var text = Canonical(node);
            if (!counts.TryGetValue(text, out var left) || left == 0)
            {
                return false;
            }

            counts[text] = left - 1;
        }

        return true;
    }

    private static string Canonical(JsonNode? node) =>
        node is JsonValue value ? JsonScalars.Text(value) ?? "" : node?.ToJsonString() ?? "";

    private bool DiffObjectList(JsonArray expected, JsonArray actual, string key)
    {
        var equal = expected.Count == actual.Count;
        if (!equal && !collecting)
        {
            return false;
        }

        var common = Math.Min(expected.Count, actual.Count);
        for (var i = 0; i < common; i++)
        {
            path.Push(i);
            var same = DiffNode(expected[i], actual[i], key);
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

        ReportRest(expected, common, DifferenceKinds.Removed);
        ReportRest(actual, common, DifferenceKinds.Added);
        return equal;
    }

    private void ReportRest(JsonArray list, int from, string kind)
    {
        for (var i = from; i < list.Count; i++)
        {
            path.Push(i);
            _ = kind == DifferenceKinds.Removed ? Report(list[i], null, kind) : Report(null, list[i], kind);
            path.Pop();
        }
    }

    /// <summary>
    /// Blocks stored as a set (security group rules, NSG rules, firewall allows): equal elements pair up in any order;
    /// each leftover desired element is compared with the leftover observed element most like it (at least half its
    /// compared keys equal, or its only compared key differing), so a changed CIDR shows as
    /// <c>ingress.0.cidr_blocks</c>; the rest are reported removed/added whole.
    /// </summary>
    private bool DiffObjectSet(JsonArray expected, JsonArray actual, string key)
    {
        int n = expected.Count, m = actual.Count;
        Span<bool> usedExpected = n <= StackLimit ? stackalloc bool[n] : new bool[n];
        Span<bool> usedActual = m <= StackLimit ? stackalloc bool[m] : new bool[m];
        var unmatched = n;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                if (!usedActual[j] && Quietly(expected[i], actual[j], key))
                {
                    usedExpected[i] = usedActual[j] = true;
                    unmatched--;
                    break;
                }
            }
        }

        if (unmatched == 0 && n == m)
        {
            return true;
        }

        if (!collecting)
        {
            return false;
        }

        for (var i = 0; i < n; i++)
        {
            if (usedExpected[i])
            {
                continue;
            }

            var best = -1;
            var bestDifferent = int.MaxValue;
            for (var j = 0; j < m; j++)
            {
                if (!usedActual[j])
                {
                    var (different, compared) = Similarity((JsonObject)expected[i]!, (JsonObject)actual[j]!);
                    if (compared > 0 && (different * 2 <= compared || compared == 1) && different < bestDifferent)
                    {
                        best = j;
                        bestDifferent = different;
                    }
                }
            }

            path.Push(i);
            if (best >= 0)
            {
                usedActual[best] = true;
                DiffNode(expected[i], actual[best], key);
            }
            else
            {
                Report(expected[i], null, DifferenceKinds.Removed);
            }

            path.Pop();
        }

        for (var j = 0; j < m; j++)
        {
            if (!usedActual[j])
            {
                path.Push(j);
                Report(null, actual[j], DifferenceKinds.Added);
                path.Pop();
            }
        }

        return false;
    }

    private (int Different, int Compared) Similarity(JsonObject expected, JsonObject actual)
    {
        int different = 0, compared = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            var (key, actualNode) = actual.GetAt(i);
            if (TryGetExpected(expected, key, out var expectedNode))
            {
                compared++;
                if (!Quietly(expectedNode, actualNode, key))
                {
                    different++;
                }
            }
        }

        return (different, compared);
    }

    private static bool AllObjects(JsonArray list)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not JsonObject)
            {
                return false;
            }
        }

        return true;
    }
}
