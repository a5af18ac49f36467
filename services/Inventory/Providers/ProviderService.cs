namespace IacPlatform.Inventory.Providers;

/// <summary>
/// A provider service (ec2, s3, compute, …): the unit a sync lists, budgets and marks removals in. A global
/// service (S3's bucket listing, GCS) is listed once per sync instead of once per region.
/// </summary>
public sealed record ProviderService(string Name, bool Regional, IReadOnlyList<string> ResourceTypes)
{
    public const string GlobalRegion = "global";
}
