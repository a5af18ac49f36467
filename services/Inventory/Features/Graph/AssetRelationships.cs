using IacPlatform.Inventory.Data;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Inventory.Features.Graph;

/// <summary>The direct edges of a page of assets, in two indexed queries (by source, by target).</summary>
internal static class AssetRelationships
{
    public static async Task<ILookup<Guid, AssetRelationship>> LoadAsync(
        InventoryDb db, List<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return Array.Empty<(Guid, AssetRelationship)>().ToLookup(x => x.Item1, x => x.Item2);
        }

        var outgoing = await db.Relationships.AsNoTracking().Where(e => ids.Contains(e.SourceId))
            .Join(db.Resources.Where(r => r.RemovedAt == null), e => e.TargetId, r => r.Id,
                (e, r) => new { Owner = e.SourceId, e.Type, Other = r.Id, r.Name, OtherType = r.Type, e.Attribute })
            .ToListAsync(cancellationToken);
        var incoming = await db.Relationships.AsNoTracking().Where(e => ids.Contains(e.TargetId))
            .Join(db.Resources.Where(r => r.RemovedAt == null), e => e.SourceId, r => r.Id,
                (e, r) => new { Owner = e.TargetId, e.Type, Other = r.Id, r.Name, OtherType = r.Type, e.Attribute })
            .ToListAsync(cancellationToken);

        return outgoing.Select(x => (x.Owner, Edge: new AssetRelationship(x.Type, Directions.Outgoing, x.Other, x.Name, x.OtherType, x.Attribute)))
            .Concat(incoming.Select(x => (x.Owner, Edge: new AssetRelationship(x.Type, Directions.Incoming, x.Other, x.Name, x.OtherType, x.Attribute))))
            .OrderBy(x => x.Edge.Direction, StringComparer.Ordinal).ThenBy(x => x.Edge.Type, StringComparer.Ordinal)
            .ThenBy(x => x.Edge.TargetName, StringComparer.Ordinal)
            .ToLookup(x => x.Owner, x => x.Edge);
    }
}
