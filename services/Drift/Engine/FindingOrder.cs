namespace IacPlatform.Drift.Engine;

/// <summary>
/// The report's order: most severe first; then missing, drifted, unmanaged, not observed, in sync; then by
/// address (unmanaged resources, which have none, last), type and native id (ordinal).
/// </summary>
internal static class FindingOrder
{
    public static int StatusRank(string status) => status switch
    {
        DriftStatuses.Missing => 0,
        DriftStatuses.Drifted => 1,
        DriftStatuses.Unmanaged => 2,
        DriftStatuses.NotObserved => 3,
        _ => 4,
    };

    /// <summary>The findings in report order; the ranks are computed once, not per comparison.</summary>
    public static ResourceFinding[] Sort(List<ResourceFinding> findings)
    {
        var items = findings.ToArray();
        var keys = new Key[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var finding = items[i];
            keys[i] = new Key(((4 - Severities.Rank(finding.Severity)) * 8) + StatusRank(finding.Status), finding.Address, finding.Type, finding.NativeId);
        }

        Array.Sort(keys, items, KeyComparer.Instance);
        return items;
    }

    private readonly record struct Key(int Rank, string? Address, string Type, string NativeId);

    private sealed class KeyComparer : IComparer<Key>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(Key x, Key y)
        {
            var order = x.Rank.CompareTo(y.Rank);
            if (order != 0)
            {
                return order;
            }

            order = (x.Address, y.Address) switch
            {
                (null, null) => 0,
                (null, _) => 1,
                (_, null) => -1,
                _ => string.CompareOrdinal(x.Address, y.Address),
            };
            if (order == 0)
            {
                order = string.CompareOrdinal(x.Type, y.Type);
            }

            return order != 0 ? order : string.CompareOrdinal(x.NativeId, y.NativeId);
        }
    }
}
