using System.Runtime.InteropServices;

namespace IacPlatform.Drift.Engine;

/// <summary>
/// IaC coverage over live observed resources, per account, region and type: managed means matched by the
/// compared state or listed in <see cref="DriftContext.ManagedElsewhere"/>. Rows come ordered by dimension
/// (account, region, type), then key; <see cref="CoverageRow.ManagedPercent"/> is rounded to 2 decimals.
/// </summary>
internal sealed class CoverageCounter
{
    private readonly Dictionary<Guid, Count> accounts = [];
    private readonly Dictionary<string, Count> regions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Count> types = new(StringComparer.Ordinal);

    public void Add(ObservedResource resource, bool managed)
    {
        Bump(ref CollectionsMarshal.GetValueRefOrAddDefault(accounts, resource.AccountId, out _), managed);
        Bump(ref CollectionsMarshal.GetValueRefOrAddDefault(regions, resource.Region, out _), managed);
        Bump(ref CollectionsMarshal.GetValueRefOrAddDefault(types, resource.Type, out _), managed);
    }

    public IReadOnlyList<CoverageRow> Rows()
    {
        var rows = new List<CoverageRow>(accounts.Count + regions.Count + types.Count);
        rows.AddRange(accounts.Select(a => Row("account", a.Key.ToString(), a.Value)).OrderBy(r => r.Key, StringComparer.Ordinal));
        rows.AddRange(regions.Select(r => Row("region", r.Key, r.Value)).OrderBy(r => r.Key, StringComparer.Ordinal));
        rows.AddRange(types.Select(t => Row("type", t.Key, t.Value)).OrderBy(r => r.Key, StringComparer.Ordinal));
        return rows;
    }

    private static void Bump(ref Count count, bool managed)
    {
        if (managed)
        {
            count.Managed++;
        }
        else
        {
            count.Unmanaged++;
        }
    }

    private static CoverageRow Row(string dimension, string key, Count count) =>
        new(dimension, key, count.Managed, count.Unmanaged, Math.Round(100.0 * count.Managed / (count.Managed + count.Unmanaged), 2, MidpointRounding.AwayFromZero));

    private struct Count
    {
        public int Managed;
        public int Unmanaged;
    }
}
