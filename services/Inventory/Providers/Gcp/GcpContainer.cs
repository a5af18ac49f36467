using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IacPlatform.Inventory.Providers.Http;

namespace IacPlatform.Inventory.Providers.Gcp;

/// <summary>
/// container: GKE clusters of every location and their node pools. A pool's current size is not in the GKE API;
/// like Terraform, it is read from the pool's managed instance groups (target size per zone).
/// </summary>
internal static partial class GcpContainer
{
    public static async IAsyncEnumerable<DiscoveredResource> DiscoverAsync(
        GcpApiClient api, GcpRequestScope scope, GcpProviderOptions settings, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var uri = ProviderEndpoint.Combine(settings.ContainerEndpoint, $"v1/projects/{scope.ProjectSegment}/locations/-/clusters");
        var list = await api.SendAsync(scope, HttpMethod.Get, uri, null, "listing clusters", cancellationToken);
        var missing = list.Strings("missingZones");
        if (missing.Count > 0)
        {
            // The list is partial: without the missing zones' clusters their resources would look removed.
            throw new ProviderException(ProviderErrorKind.Failed,
                $"GCP {scope.Service}: listing clusters is partial, zones {string.Join(", ", missing.Select(z => z!.GetValue<string>()))} could not be reached.");
        }

        foreach (var cluster in (list.Get("clusters") as JsonArray ?? []).OfType<JsonObject>())
        {
            var discovered = Cluster(cluster, scope.Project);
            yield return discovered;
            foreach (var pool in (cluster.Get("nodePools") as JsonArray ?? []).OfType<JsonObject>())
            {
                var nodeCount = await NodeCountAsync(api, scope, settings, pool, cancellationToken);
                yield return NodePool(pool, discovered, nodeCount);
            }
        }
    }

    internal static DiscoveredResource Cluster(JsonObject cluster, string project)
    {
        var name = GcpCompute.Name(cluster, "a cluster");
        var location = cluster.Str("location") ?? cluster.Str("zone") ?? "";
        var id = $"projects/{project}/locations/{location}/clusters/{name}";
        var networkConfig = cluster.Get("networkConfig");
        var privateConfig = cluster.Get("privateClusterConfig");
        var authorized = cluster.Get("masterAuthorizedNetworksConfig");
        var attributes = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["project"] = project,
            ["location"] = location,
            ["node_locations"] = ProviderJson.ToArray(cluster.Strings("locations").Select(l => l!.GetValue<string>()).Where(l => l != location)),
            ["master_version"] = cluster.Str("currentMasterVersion"),
            ["node_version"] = cluster.Str("currentNodeVersion"),
            ["endpoint"] = cluster.Str("endpoint"),
            ["network"] = networkConfig.Str("network") ?? cluster.Str("network"),
            ["subnetwork"] = networkConfig.Str("subnetwork") ?? cluster.Str("subnetwork"),
            ["cluster_ipv4_cidr"] = cluster.Str("clusterIpv4Cidr"),
            ["services_ipv4_cidr"] = cluster.Str("servicesIpv4Cidr"),
            ["private_cluster_config"] = privateConfig is JsonObject ? ProviderJson.ToArray(new JsonObject
            {
                ["enable_private_nodes"] = privateConfig.Bool("enablePrivateNodes") ?? false,
                ["enable_private_endpoint"] = privateConfig.Bool("enablePrivateEndpoint") ?? false,
                ["master_ipv4_cidr_block"] = privateConfig.Str("masterIpv4CidrBlock"),
                ["private_endpoint"] = privateConfig.Str("privateEndpoint"),
                ["public_endpoint"] = privateConfig.Str("publicEndpoint"),
                ["peering_name"] = privateConfig.Str("peeringName"),
            }) : [],
            ["master_authorized_networks_config"] = authorized.Bool("enabled") == true ? ProviderJson.ToArray(new JsonObject
            {
                ["cidr_blocks"] = new JsonArray((authorized.Get("cidrBlocks") as JsonArray ?? []).OfType<JsonObject>()
                    .Select(b => (JsonNode?)new JsonObject { ["cidr_block"] = b.Str("cidrBlock"), ["display_name"] = b.Str("displayName") }).ToArray()),
            }) : [],
            ["release_channel"] = ProviderJson.ToArray(new JsonObject { ["channel"] = cluster.Get("releaseChannel").Str("channel") ?? "UNSPECIFIED" }),
            ["logging_service"] = cluster.Str("loggingService"),
            ["monitoring_service"] = cluster.Str("monitoringService"),
            ["enable_shielded_nodes"] = cluster.Get("shieldedNodes").Bool("enabled") ?? false,
            ["enable_legacy_abac"] = cluster.Get("legacyAbac").Bool("enabled") ?? false,
            ["enable_autopilot"] = cluster.Get("autopilot").Bool("enabled") ?? false,
            ["database_encryption"] = ProviderJson.ToArray(new JsonObject
            {
                ["state"] = cluster.Get("databaseEncryption").Str("state") ?? "DECRYPTED",
                ["key_name"] = cluster.Get("databaseEncryption").Str("keyName") ?? "",
            }),
            ["workload_identity_config"] = cluster.Get("workloadIdentityConfig").Str("workloadPool") is { } pool
                ? ProviderJson.ToArray(new JsonObject { ["workload_pool"] = pool })
                : [],
            ["label_fingerprint"] = cluster.Str("labelFingerprint"),
            ["self_link"] = cluster.Str("selfLink"),
        };
        return new DiscoveredResource(GcpServices.Cluster, id, name, GcpNames.RegionOf(location),
            ProviderJson.Status(cluster.Str("status")), cluster.StringMap("resourceLabels"), attributes);
    }

    internal static DiscoveredResource NodePool(JsonObject pool, DiscoveredResource cluster, long? nodeCount)
    {
        var name = GcpCompute.Name(pool, "a node pool");
        var id = $"{cluster.NativeId}/nodePools/{name}";
        var config = pool.Get("config");
        var autoscaling = pool.Get("autoscaling");
        var attributes = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["project"] = cluster.Attributes["project"]?.DeepClone(),
            ["cluster"] = cluster.Name,
            ["location"] = cluster.Attributes["location"]?.DeepClone(),
            ["node_count"] = nodeCount,
            ["initial_node_count"] = pool.Long("initialNodeCount"),
            ["node_locations"] = pool.Strings("locations"),
            ["version"] = pool.Str("version"),
            ["max_pods_per_node"] = pool.Get("maxPodsConstraint").Long("maxPodsPerNode"),
            ["instance_group_urls"] = pool.Strings("instanceGroupUrls"),
            ["autoscaling"] = autoscaling.Bool("enabled") == true ? ProviderJson.ToArray(new JsonObject
            {
                ["min_node_count"] = autoscaling.Long("minNodeCount"),
                ["max_node_count"] = autoscaling.Long("maxNodeCount"),
                ["total_min_node_count"] = autoscaling.Long("totalMinNodeCount"),
                ["total_max_node_count"] = autoscaling.Long("totalMaxNodeCount"),
                ["location_policy"] = autoscaling.Str("locationPolicy"),
            }) : [],
            ["management"] = ProviderJson.ToArray(new JsonObject
            {
                ["auto_repair"] = pool.Get("management").Bool("autoRepair") ?? false,
                ["auto_upgrade"] = pool.Get("management").Bool("autoUpgrade") ?? false,
            }),
            ["node_config"] = ProviderJson.ToArray(new JsonObject
            {
                ["machine_type"] = config.Str("machineType"),
                ["disk_size_gb"] = config.Long("diskSizeGb"),
                ["disk_type"] = config.Str("diskType"),
                ["image_type"] = config.Str("imageType"),
                ["service_account"] = config.Str("serviceAccount"),
                ["oauth_scopes"] = config.Strings("oauthScopes"),
                ["preemptible"] = config.Bool("preemptible") ?? false,
                ["spot"] = config.Bool("spot") ?? false,
                ["labels"] = ProviderJson.ToObject(config.StringMap("labels")),
                ["tags"] = config.Strings("tags"),
            }),
        };
        return new DiscoveredResource(GcpServices.NodePool, id, name, cluster.Region, ProviderJson.Status(pool.Str("status")),
            config.StringMap("resourceLabels"), attributes);
    }

    /// <summary>
    /// Nodes per zone as Terraform computes node_count: the pool's instance groups' target sizes summed, divided by
    /// the number of groups. The group URLs name www.googleapis.com; only their path is used, against the configured
    /// compute endpoint, so the token never goes to a host taken from a response.
    /// </summary>
    private static async Task<long?> NodeCountAsync(
        GcpApiClient api, GcpRequestScope scope, GcpProviderOptions settings, JsonObject pool, CancellationToken cancellationToken)
    {
        var groups = pool.Strings("instanceGroupUrls").Select(u => u!.GetValue<string>()).ToList();
        if (groups.Count == 0)
        {
            return null;
        }

        long total = 0;
        foreach (var group in groups)
        {
            var path = InstanceGroupManagerPath().Match(group);
            if (!path.Success)
            {
                throw new ProviderException(ProviderErrorKind.Failed, $"GCP {scope.Service}: node pool {pool.Str("name")} names an unexpected instance group URL.");
            }

            var manager = await api.SendAsync(scope, HttpMethod.Get, ProviderEndpoint.Combine(settings.ComputeEndpoint, path.Value),
                null, "reading a node pool's instance group size", cancellationToken);
            total += manager.Long("targetSize") ?? 0;
        }

        return total / groups.Count;
    }

    [GeneratedRegex("(?<=^https://[^/]+/)compute/v1/projects/[a-z0-9.:-]+/zones/[a-z0-9-]+/instanceGroupManagers/[a-z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex InstanceGroupManagerPath();
}
