using System.Text.Json;
using static IacPlatform.Inventory.Compliance.CheckNames;

namespace IacPlatform.Inventory.Compliance;

/// <summary>Checks of azurerm network security groups and AKS clusters and node pools.</summary>
internal static class AzureNetworkChecks
{
    public static IEnumerable<ComplianceCheck> NetworkSecurityGroup(AttributeReader a)
    {
        if (!a.Has("security_rule"))
        {
            yield return Verdict.NotReported(NotPubliclyExposed, "security_rule");
            yield break;
        }

        foreach (var rule in a.Items("security_rule"))
        {
            var r = new AttributeReader(rule);
            var direction = r.First("direction") is { } d ? AttributeReader.AsString(d) : null;
            var access = r.First("access") is { } ac ? AttributeReader.AsString(ac) : null;
            var protocol = r.First("protocol") is { } p ? AttributeReader.AsString(p) : null;
            if (!string.Equals(direction, "Inbound", StringComparison.OrdinalIgnoreCase)
                || !string.Equals(access, "Allow", StringComparison.OrdinalIgnoreCase) || NetworkExposure.IsIcmp(protocol))
            {
                continue;
            }

            var world = r.Items("source_address_prefix").Concat(r.Items("source_address_prefixes")).FirstOrDefault(NetworkExposure.IsWorld);
            if (world.ValueKind == JsonValueKind.Undefined)
            {
                continue;
            }

            var specs = r.Items("destination_port_range").Concat(r.Items("destination_port_ranges"))
                .Select(AttributeReader.AsString).Where(s => !string.IsNullOrEmpty(s)).DefaultIfEmpty("*");
            var exposed = specs.Select(NetworkExposure.ParsePorts).Where(NetworkExposure.ReachesBeyondWeb).ToList();
            if (exposed.Count > 0)
            {
                var name = r.First("name") is { } n ? AttributeReader.AsString(n) : null;
                yield return Verdict.Fail(NotPubliclyExposed,
                    $"security_rule \"{name}\" allows {AttributeReader.AsString(world)} inbound on {NetworkExposure.Describe(exposed[0])}.");
                yield break;
            }
        }

        yield return Verdict.Pass(NotPubliclyExposed, "security_rule admits the internet on no port other than 80 and 443.");
    }

    public static IEnumerable<ComplianceCheck> KubernetesCluster(AttributeReader a)
    {
        yield return Verdict.Configured(EncryptionEnabled, a, "key_management_service", "key_management_service.key_vault_key_id",
            "etcd secrets are encrypted with a Key Vault key", "etcd secrets are not encrypted with a customer key");
        yield return a.Values("oms_agent").Concat(a.Values("monitor_metrics")).Any(AttributeReader.IsConfigured)
            ? Verdict.Pass(MonitoringEnabled, "oms_agent or monitor_metrics is configured: the cluster sends metrics and logs to Azure Monitor.")
            : a.Has("oms_agent")
                ? Verdict.Fail(MonitoringEnabled, "oms_agent is not configured: no Container Insights.")
                : Verdict.NotReported(MonitoringEnabled, "oms_agent");
        yield return AksExposure(a);
    }

    public static IEnumerable<ComplianceCheck> KubernetesNodePool(AttributeReader a)
    {
        yield return Verdict.FirstPresentFlag(a, NotPubliclyExposed, ["node_public_ip_enabled", "enable_node_public_ip"],
            "nodes have no public addresses", "every node gets a public address", compliantWhen: false);
    }

    private static ComplianceCheck AksExposure(AttributeReader a)
    {
        if (a.First("private_cluster_enabled") is { } isPrivate && AttributeReader.AsBool(isPrivate) == true)
        {
            return Verdict.Pass(NotPubliclyExposed, "private_cluster_enabled is true: the API server has only a private endpoint.");
        }

        var ranges = a.Items("api_server_access_profile.authorized_ip_ranges").Concat(a.Items("api_server_authorized_ip_ranges"))
            .Where(AttributeReader.IsConfigured).ToList();
        if (ranges.Count > 0 && !ranges.Any(NetworkExposure.IsWorld))
        {
            return Verdict.Pass(NotPubliclyExposed, $"api_server_access_profile.authorized_ip_ranges restrict the API server to {ranges.Count} range(s).");
        }

        return a.Has("private_cluster_enabled")
            ? Verdict.Fail(NotPubliclyExposed, "private_cluster_enabled is false and no authorized_ip_ranges restrict the API server: it is open to the internet.")
            : Verdict.NotReported(NotPubliclyExposed, "private_cluster_enabled");
    }
}
