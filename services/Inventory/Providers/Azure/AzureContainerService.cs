using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using IacPlatform.Inventory.Providers.Http;

namespace IacPlatform.Inventory.Providers.Azure;

/// <summary>containerservice: AKS clusters and each agent pool as azurerm_kubernetes_cluster_node_pool.</summary>
internal static class AzureContainerService
{
    public static async IAsyncEnumerable<DiscoveredResource> DiscoverAsync(
        AzureArmClient arm, AzureRequestScope scope, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var cluster in arm.ListAsync(scope, "Microsoft.ContainerService/managedClusters", AzureApiVersions.ContainerService,
            null, "listing managed clusters", cancellationToken))
        {
            var discovered = Cluster(cluster);
            yield return discovered;
            foreach (var pool in (cluster.Get("properties", "agentPoolProfiles") as JsonArray ?? []).OfType<JsonObject>())
            {
                yield return NodePool(pool, discovered);
            }
        }
    }

    internal static DiscoveredResource Cluster(JsonObject cluster)
    {
        var id = AzureResource.Id(cluster, "a managed cluster");
        var name = cluster.Str("name") ?? id[(id.LastIndexOf('/') + 1)..];
        var location = AzureResource.Location(cluster);
        var properties = cluster.Get("properties");
        var apiServer = properties.Get("apiServerAccessProfile");
        var network = properties.Get("networkProfile");
        var pools = (properties.Get("agentPoolProfiles") as JsonArray ?? []).OfType<JsonObject>().ToList();
        // azurerm's default_node_pool is the system pool the cluster was created with; ARM does not mark it, the first
        // System-mode pool is the best match.
        var defaultPool = pools.FirstOrDefault(p => "System".Equals(p.Str("mode"), StringComparison.OrdinalIgnoreCase)) ?? pools.FirstOrDefault();

        var attributes = AzureResource.Attributes(id, name, location);
        attributes["kubernetes_version"] = properties.Str("kubernetesVersion");
        attributes["current_kubernetes_version"] = properties.Str("currentKubernetesVersion");
        attributes["dns_prefix"] = properties.Str("dnsPrefix");
        attributes["fqdn"] = properties.Str("fqdn");
        attributes["private_fqdn"] = properties.Str("privateFQDN");
        attributes["private_cluster_enabled"] = apiServer.Bool("enablePrivateCluster") ?? false;
        attributes["api_server_access_profile"] = apiServer.Get("authorizedIPRanges") is JsonArray
            ? ProviderJson.ToArray(new JsonObject { ["authorized_ip_ranges"] = apiServer.Strings("authorizedIPRanges") })
            : [];
        attributes["node_resource_group"] = properties.Str("nodeResourceGroup");
        attributes["sku_tier"] = cluster.Get("sku").Str("tier");
        attributes["role_based_access_control_enabled"] = properties.Bool("enableRBAC") ?? true;
        attributes["local_account_disabled"] = properties.Bool("disableLocalAccounts") ?? false;
        attributes["oidc_issuer_enabled"] = properties.Get("oidcIssuerProfile").Bool("enabled") ?? false;
        attributes["network_profile"] = network is JsonObject ? ProviderJson.ToArray(new JsonObject
        {
            ["network_plugin"] = network.Str("networkPlugin"),
            ["network_policy"] = network.Str("networkPolicy"),
            ["network_plugin_mode"] = network.Str("networkPluginMode"),
            ["service_cidr"] = network.Str("serviceCidr"),
            ["dns_service_ip"] = network.Str("dnsServiceIP"),
            ["pod_cidr"] = network.Str("podCidr"),
            ["outbound_type"] = network.Str("outboundType"),
            ["load_balancer_sku"] = network.Str("loadBalancerSku")?.ToLowerInvariant(),
        }) : [];
        attributes["default_node_pool"] = defaultPool is null ? [] : ProviderJson.ToArray(new JsonObject
        {
            ["name"] = defaultPool.Str("name"),
            ["vm_size"] = defaultPool.Str("vmSize"),
            ["node_count"] = defaultPool.Long("count"),
            ["vnet_subnet_id"] = SubnetId(defaultPool),
        });
        attributes["identity"] = AzureResource.Identity(cluster);
        var status = properties.Get("powerState").Str("code") ?? properties.Str("provisioningState");
        return AzureResource.Discovered(AzureServices.KubernetesCluster, id, name, location, ProviderJson.Status(status), cluster, attributes);
    }

    /// <summary>An agent pool has no ARM tags resource of its own; its tags live on the pool (written through AKS).</summary>
    internal static DiscoveredResource NodePool(JsonObject pool, DiscoveredResource cluster)
    {
        var name = pool.Str("name") ?? throw new ProviderException(ProviderErrorKind.Failed, $"Azure listed an agent pool without a name in {cluster.Name}.");
        var id = $"{cluster.NativeId}/agentPools/{name}";
        var attributes = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["kubernetes_cluster_id"] = cluster.NativeId,
            ["vm_size"] = pool.Str("vmSize"),
            ["node_count"] = pool.Long("count"),
            ["vnet_subnet_id"] = SubnetId(pool),
            ["mode"] = pool.Str("mode"),
            ["os_type"] = pool.Str("osType"),
            ["os_sku"] = pool.Str("osSKU"),
            ["os_disk_size_gb"] = pool.Long("osDiskSizeGB"),
            ["max_pods"] = pool.Long("maxPods"),
            ["zones"] = pool.Strings("availabilityZones"),
            ["auto_scaling_enabled"] = pool.Bool("enableAutoScaling") ?? false,
            ["min_count"] = pool.Long("minCount"),
            ["max_count"] = pool.Long("maxCount"),
            ["orchestrator_version"] = pool.Str("orchestratorVersion"),
            ["node_public_ip_enabled"] = pool.Bool("enableNodePublicIP") ?? false,
            ["host_encryption_enabled"] = pool.Bool("enableEncryptionAtHost") ?? false,
            ["priority"] = pool.Str("scaleSetPriority") ?? "Regular",
            ["node_labels"] = ProviderJson.ToObject(pool.StringMap("nodeLabels")),
            ["node_taints"] = pool.Strings("nodeTaints"),
        };
        var status = pool.Get("powerState").Str("code") ?? pool.Str("provisioningState");
        return new DiscoveredResource(AzureServices.KubernetesNodePool, id, name, cluster.Region, ProviderJson.Status(status),
            pool.StringMap("tags"), attributes);
    }

    private static string? SubnetId(JsonNode? pool) => pool.Str("vnetSubnetID") is { } subnet ? AzureResourceId.Normalize(subnet) : null;
}
