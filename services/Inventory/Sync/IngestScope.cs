namespace IacPlatform.Inventory.Sync;

/// <summary>
/// What one sync unit may touch: one account, one provider service, and for regional services one region.
/// Removal marks never reach outside it, so a failed or partial unit cannot remove another unit's resources.
/// </summary>
internal sealed record IngestScope(Guid AccountId, string Provider, string Service, string? Region, Guid? SyncJobId);
