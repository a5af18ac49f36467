namespace IacPlatform.Inventory.Providers.Gcp;

/// <summary>
/// The GCP services the adapter lists. All run once per sync with region "global": compute uses aggregated lists
/// over every zone and region, buckets and GKE clusters are listed project-wide.
/// </summary>
internal static class GcpServices
{
    public const string Compute = "compute";
    public const string Storage = "storage";
    public const string Container = "container";

    public const string Instance = "google_compute_instance";
    public const string Disk = "google_compute_disk";
    public const string RegionDisk = "google_compute_region_disk";
    public const string Network = "google_compute_network";
    public const string Subnetwork = "google_compute_subnetwork";
    public const string Firewall = "google_compute_firewall";
    public const string Bucket = "google_storage_bucket";
    public const string Cluster = "google_container_cluster";
    public const string NodePool = "google_container_node_pool";

    public static readonly IReadOnlyList<ProviderService> All =
    [
        new(Compute, Regional: false, [Instance, Disk, RegionDisk, Network, Subnetwork, Firewall]),
        new(Storage, Regional: false, [Bucket]),
        new(Container, Regional: false, [Cluster, NodePool]),
    ];
}
