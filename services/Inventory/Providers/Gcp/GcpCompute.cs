using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using IacPlatform.Inventory.Providers.Http;

namespace IacPlatform.Inventory.Providers.Gcp;

/// <summary>
/// compute: instances and disks (aggregated over zones and regions), networks and firewalls (global) and
/// subnetworks (aggregated over regions). Instance metadata is not copied: startup scripts often hold secrets.
/// </summary>
internal static class GcpCompute
{
    public static async IAsyncEnumerable<DiscoveredResource> DiscoverAsync(
        GcpApiClient api, GcpRequestScope scope, GcpProviderOptions settings, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var endpoint = settings.ComputeEndpoint;
        await foreach (var (zone, instance) in GcpAggregatedList.ListAsync(api, scope, endpoint, settings.PageSize, "instances", cancellationToken))
        {
            yield return Instance(instance, zone, scope.Project);
        }

        await foreach (var (location, disk) in GcpAggregatedList.ListAsync(api, scope, endpoint, settings.PageSize, "disks", cancellationToken))
        {
            yield return Disk(disk, location, scope.Project);
        }

        await foreach (var network in GcpAggregatedList.ListGlobalAsync(api, scope, endpoint, settings.PageSize, "networks", cancellationToken))
        {
            yield return GcpNetwork.Network(network, scope.Project);
        }

        await foreach (var (region, subnetwork) in GcpAggregatedList.ListAsync(api, scope, endpoint, settings.PageSize, "subnetworks", cancellationToken))
        {
            yield return GcpNetwork.Subnetwork(subnetwork, region, scope.Project);
        }

        await foreach (var firewall in GcpAggregatedList.ListGlobalAsync(api, scope, endpoint, settings.PageSize, "firewalls", cancellationToken))
        {
            yield return GcpNetwork.Firewall(firewall, scope.Project);
        }
    }

    internal static DiscoveredResource Instance(JsonObject instance, string scopeZone, string project)
    {
        var name = Name(instance, "an instance");
        var zone = GcpNames.Short(instance.Str("zone")) ?? scopeZone;
        var disks = (instance.Get("disks") as JsonArray ?? []).OfType<JsonObject>().ToList();
        var boot = disks.FirstOrDefault(d => d.Bool("boot") == true);
        var id = $"projects/{project}/zones/{zone}/instances/{name}";
        var scheduling = instance.Get("scheduling");
        var shielded = instance.Get("shieldedInstanceConfig");
        var attributes = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["project"] = project,
            ["zone"] = zone,
            ["machine_type"] = GcpNames.Short(instance.Str("machineType")),
            ["instance_id"] = instance.Str("id"),
            ["self_link"] = instance.Str("selfLink"),
            ["current_status"] = instance.Str("status"),
            ["cpu_platform"] = instance.Str("cpuPlatform"),
            ["min_cpu_platform"] = instance.Str("minCpuPlatform"),
            ["can_ip_forward"] = instance.Bool("canIpForward") ?? false,
            ["deletion_protection"] = instance.Bool("deletionProtection") ?? false,
            ["label_fingerprint"] = instance.Str("labelFingerprint"),
            ["tags"] = instance.Get("tags").Strings("items"),
            ["network_interface"] = new JsonArray((instance.Get("networkInterfaces") as JsonArray ?? []).OfType<JsonObject>()
                .Select(nic => (JsonNode?)NetworkInterface(nic)).ToArray()),
            ["boot_disk"] = boot is null ? [] : ProviderJson.ToArray(new JsonObject
            {
                ["source"] = boot.Str("source"),
                ["device_name"] = boot.Str("deviceName"),
                ["auto_delete"] = boot.Bool("autoDelete") ?? false,
                ["mode"] = boot.Str("mode"),
                ["interface"] = boot.Str("interface"),
                ["kms_key_self_link"] = boot.Get("diskEncryptionKey").Str("kmsKeyName"),
                ["initialize_params"] = ProviderJson.ToArray(new JsonObject { ["size"] = boot.Long("diskSizeGb") }),
            }),
            ["attached_disk"] = new JsonArray(disks.Where(d => d.Bool("boot") != true).Select(d => (JsonNode?)new JsonObject
            {
                ["source"] = d.Str("source"),
                ["device_name"] = d.Str("deviceName"),
                ["mode"] = d.Str("mode"),
                ["kms_key_self_link"] = d.Get("diskEncryptionKey").Str("kmsKeyName"),
            }).ToArray()),
            ["service_account"] = new JsonArray((instance.Get("serviceAccounts") as JsonArray ?? []).OfType<JsonObject>()
                .Select(sa => (JsonNode?)new JsonObject { ["email"] = sa.Str("email"), ["scopes"] = sa.Strings("scopes") }).ToArray()),
            ["scheduling"] = scheduling is JsonObject ? ProviderJson.ToArray(new JsonObject
            {
                ["preemptible"] = scheduling.Bool("preemptible") ?? false,
                ["automatic_restart"] = scheduling.Bool("automaticRestart") ?? true,
                ["on_host_maintenance"] = scheduling.Str("onHostMaintenance"),
                ["provisioning_model"] = scheduling.Str("provisioningModel"),
            }) : [],
            ["shielded_instance_config"] = shielded is JsonObject ? ProviderJson.ToArray(new JsonObject
            {
                ["enable_secure_boot"] = shielded.Bool("enableSecureBoot") ?? false,
                ["enable_vtpm"] = shielded.Bool("enableVtpm") ?? false,
                ["enable_integrity_monitoring"] = shielded.Bool("enableIntegrityMonitoring") ?? false,
            }) : [],
        };
        return new DiscoveredResource(GcpServices.Instance, id, name, GcpNames.RegionOf(zone),
            ProviderJson.Status(instance.Str("status")), instance.StringMap("labels"), attributes);
    }

    /// <summary>A zonal disk is google_compute_disk, a regional (replicated) one google_compute_region_disk.</summary>
    internal static DiscoveredResource Disk(JsonObject disk, string scopeLocation, string project)
    {
        var name = Name(disk, "a disk");
        var regional = disk.Str("region") is not null && disk.Str("zone") is null;
        var location = GcpNames.Short(regional ? disk.Str("region") : disk.Str("zone")) ?? scopeLocation;
        var id = regional ? $"projects/{project}/regions/{location}/disks/{name}" : $"projects/{project}/zones/{location}/disks/{name}";
        var attributes = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["project"] = project,
            ["size"] = disk.Long("sizeGb"),
            ["type"] = GcpNames.Short(disk.Str("type")),
            ["image"] = disk.Str("sourceImage"),
            ["snapshot"] = disk.Str("sourceSnapshot"),
            ["physical_block_size_bytes"] = disk.Long("physicalBlockSizeBytes"),
            ["provisioned_iops"] = disk.Long("provisionedIops"),
            ["provisioned_throughput"] = disk.Long("provisionedThroughput"),
            ["users"] = disk.Strings("users"),
            ["disk_id"] = disk.Str("id"),
            ["self_link"] = disk.Str("selfLink"),
            ["label_fingerprint"] = disk.Str("labelFingerprint"),
            ["disk_encryption_key"] = disk.Get("diskEncryptionKey") is JsonObject key ? ProviderJson.ToArray(new JsonObject
            {
                ["kms_key_self_link"] = key.Str("kmsKeyName"),
                ["sha256"] = key.Str("sha256"),
            }) : [],
        };
        if (regional)
        {
            attributes["region"] = location;
            attributes["replica_zones"] = ProviderJson.ToArray(disk.Strings("replicaZones").Select(z => GcpNames.Short(z!.GetValue<string>())));
        }
        else
        {
            attributes["zone"] = location;
        }

        return new DiscoveredResource(regional ? GcpServices.RegionDisk : GcpServices.Disk, id, name, GcpNames.RegionOf(location),
            ProviderJson.Status(disk.Str("status")), disk.StringMap("labels"), attributes);
    }

    private static JsonObject NetworkInterface(JsonObject nic) => new()
    {
        ["name"] = nic.Str("name"),
        ["network"] = nic.Str("network"),
        ["subnetwork"] = nic.Str("subnetwork"),
        ["subnetwork_project"] = GcpNames.ProjectOf(nic.Str("subnetwork")),
        ["network_ip"] = nic.Str("networkIP"),
        ["stack_type"] = nic.Str("stackType"),
        ["access_config"] = new JsonArray((nic.Get("accessConfigs") as JsonArray ?? []).OfType<JsonObject>()
            .Select(ac => (JsonNode?)new JsonObject { ["nat_ip"] = ac.Str("natIP"), ["network_tier"] = ac.Str("networkTier") }).ToArray()),
        ["alias_ip_range"] = new JsonArray((nic.Get("aliasIpRanges") as JsonArray ?? []).OfType<JsonObject>()
            .Select(r => (JsonNode?)new JsonObject { ["ip_cidr_range"] = r.Str("ipCidrRange"), ["subnetwork_range_name"] = r.Str("subnetworkRangeName") }).ToArray()),
    };

    internal static string Name(JsonObject resource, string what) =>
        resource.Str("name") is { Length: > 0 } name
            ? name
            : throw new ProviderException(ProviderErrorKind.Failed, $"GCP listed {what} without a name.");
}
