namespace IacPlatform.Inventory.Domain;

/// <summary>What one ingest did: rows seen, new, changed, untouched, and soft-removed.</summary>
public sealed record SyncCounts(int Discovered, int Created, int Updated, int Unchanged, int Removed)
{
    public static readonly SyncCounts None = new(0, 0, 0, 0, 0);

    public SyncCounts Add(SyncCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Discovered + other.Discovered, Created + other.Created, Updated + other.Updated,
            Unchanged + other.Unchanged, Removed + other.Removed);
    }
}
