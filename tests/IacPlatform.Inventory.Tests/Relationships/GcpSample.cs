namespace IacPlatform.Inventory.Tests.Relationships;

/// <summary>A GCP project as the sync stores it (google attribute names: self-links and names) and the edges it must yield.</summary>
internal static class GcpSample
{
    private const string Api = "https://www.googleapis.com/compute/v1/";
    private const string Network = "projects/acme-prod/global/networks/default";
    private const string Subnetwork = "projects/acme-prod/regions/us-central1/subnetworks/app";
    private const string Instance = "projects/acme-prod/zones/us-central1-a/instances/web";
    private const string Disk = "projects/acme-prod/zones/us-central1-a/disks/web";
    private const string Data = "projects/acme-prod/zones/us-central1-a/disks/web-data";

    public static readonly List<(string Source, string Target, string Type, string Attribute)> Expected =
    [
        ("web", "app", "member_of", "network_interface.subnetwork"),
        ("web", "default", "contained_in", "network_interface.network"),
        // The boot disk is named from both ends: one edge, recorded by the first rule.
        ("web", "web", "attached_to", "boot_disk.source"),
        ("scratch", "web", "attached_to", "users"),
        ("web-data", "web", "attached_to", "attached_disk.source"),
        ("app", "default", "member_of", "network"),
        ("allow-ssh", "default", "contained_in", "network"),
        ("gke", "default", "contained_in", "network"),
        ("gke", "app", "member_of", "subnetwork"),
        ("pool", "gke", "part_of", "cluster"),
    ];

    public static async Task SeedAsync(InventoryRows rows, Guid account)
    {
        await rows.ResourceAsync(account, "google_compute_network", Network, "default", """{"auto_create_subnetworks": false}""", region: "global");
        await rows.ResourceAsync(account, "google_compute_subnetwork", Subnetwork, "app",
            $$"""{"network": "{{Api + Network}}", "ip_cidr_range": "10.2.0.0/20"}""", region: "us-central1");
        await rows.ResourceAsync(account, "google_compute_instance", Instance, "web", $$"""
            {"machine_type": "e2-medium",
             "network_interface": [{"network": "{{Api + Network}}", "subnetwork": "{{Api + Subnetwork}}", "access_config": []}],
             "boot_disk": [{"source": "{{Api + Disk}}"}],
             "attached_disk": [{"source": "{{Api + Data}}"}]}
            """, region: "us-central1-a");
        await rows.ResourceAsync(account, "google_compute_disk", Disk, "web", $$"""{"users": ["{{Api + Instance}}"]}""", region: "us-central1-a");
        await rows.ResourceAsync(account, "google_compute_disk", Data, "web-data", """{"users": []}""", region: "us-central1-a");
        await rows.ResourceAsync(account, "google_compute_disk", "projects/acme-prod/zones/us-central1-a/disks/scratch", "scratch",
            $$"""{"users": ["{{Api + Instance}}"]}""", region: "us-central1-a");
        await rows.ResourceAsync(account, "google_compute_firewall", "projects/acme-prod/global/firewalls/allow-ssh", "allow-ssh",
            """{"network": "default", "source_ranges": ["35.235.240.0/20"]}""", region: "global");
        await rows.ResourceAsync(account, "google_container_cluster", "projects/acme-prod/locations/us-central1/clusters/gke", "gke",
            $$"""{"network": "{{Network}}", "subnetwork": "app"}""", region: "us-central1");
        await rows.ResourceAsync(account, "google_container_node_pool", "acme-prod/us-central1/gke/pool", "pool",
            """{"cluster": "gke", "node_count": 3}""", region: "us-central1");
    }
}
