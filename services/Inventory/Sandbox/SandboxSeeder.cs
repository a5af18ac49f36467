using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Domain;
using IacPlatform.Inventory.Sync;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Inventory.Sandbox;

/// <summary>What a seed did to the sandbox cloud.</summary>
public sealed record SeedResult(int Created, int Updated, int Unchanged, int Deleted, int Total);

/// <summary>
/// Makes a sandbox account hold what a Terraform state version says exists, as if Terraform had applied it:
/// instances in the state are created or overwritten, seeded instances no longer in the state are deleted (destroyed),
/// and unmanaged resources added out of band are left alone.
/// </summary>
internal static class SandboxSeeder
{
    public static async Task<SeedResult> SeedAsync(
        InventoryDb db, Guid accountId, IReadOnlyList<TfstateResource> resources, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(resources);
        var existing = await db.SandboxResources.Where(r => r.AccountId == accountId).ToListAsync(cancellationToken);
        var byKey = existing.ToDictionary(r => (r.Type, r.NativeId));
        int created = 0, updated = 0, unchanged = 0;
        var seen = new HashSet<(string, string)>();
        foreach (var resource in resources)
        {
            if (!seen.Add((resource.Type, resource.NativeId)))
            {
                continue;
            }

            var tags = CanonicalJson.Write(resource.Tags);
            var attributes = CanonicalJson.Write(resource.Attributes);
            if (byKey.TryGetValue((resource.Type, resource.NativeId), out var row))
            {
                if (row.Name == resource.Name && row.Status == resource.Status && CanonicalJson.Normalize(row.Tags) == tags
                    && CanonicalJson.Normalize(row.Attributes) == attributes)
                {
                    unchanged++;
                    continue;
                }

                row.Change(resource.Name, resource.Status, tags, attributes, now);
                updated++;
            }
            else
            {
                db.SandboxResources.Add(SandboxResource.Create(Guid.CreateVersion7(now), accountId, resource.Type,
                    resource.NativeId, resource.Name, resource.Region, resource.Status, tags, attributes, "seeded",
                    resource.Address, now));
                created++;
            }
        }

        var destroyed = existing.Where(r => r.Origin == "seeded" && !seen.Contains((r.Type, r.NativeId))).ToList();
        db.SandboxResources.RemoveRange(destroyed);
        await db.SaveChangesAsync(cancellationToken);
        return new SeedResult(created, updated, unchanged, destroyed.Count, seen.Count);
    }
}
