using System.Text.Json.Nodes;
using IacPlatform.Inventory.Providers.Http;

namespace IacPlatform.Inventory.Providers.Gcp;

/// <summary>VPC networks, subnetworks and firewall rules as google_compute_network, _subnetwork and _firewall.</summary>
internal static class GcpNetwork
{
    /// <summary>Networks, subnetworks and firewalls have no lifecycle state: one that is listed is "active".</summary>
    private const string Active = "active";

    internal static DiscoveredResource Network(JsonObject network, string project)
    {
        var name = GcpCompute.Name(network, "a network");
        var id = $"projects/{project}/global/networks/{name}";
        var attributes = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["project"] = project,
            ["description"] = network.Str("description") ?? "",
            ["auto_create_subnetworks"] = network.Bool("autoCreateSubnetworks") ?? false,
            ["routing_mode"] = network.Get("routingConfig").Str("routingMode"),
            ["mtu"] = network.Long("mtu"),
            ["network_firewall_policy_enforcement_order"] = network.Str("networkFirewallPolicyEnforcementOrder"),
            ["gateway_ipv4"] = network.Str("gatewayIPv4"),
            ["network_id"] = network.Str("id"),
            ["self_link"] = network.Str("selfLink"),
        };
        return new DiscoveredResource(GcpServices.Network, id, name, ProviderService.GlobalRegion, Active,
            new Dictionary<string, string>(), attributes);
    }

    internal static DiscoveredResource Subnetwork(JsonObject subnetwork, string scopeRegion, string project)
    {
        var name = GcpCompute.Name(subnetwork, "a subnetwork");
        var region = GcpNames.Short(subnetwork.Str("region")) ?? scopeRegion;
        var id = $"projects/{project}/regions/{region}/subnetworks/{name}";
        var log = subnetwork.Get("logConfig");
        var attributes = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["project"] = project,
            ["region"] = region,
            ["network"] = subnetwork.Str("network"),
            ["ip_cidr_range"] = subnetwork.Str("ipCidrRange"),
            ["gateway_address"] = subnetwork.Str("gatewayAddress"),
            ["private_ip_google_access"] = subnetwork.Bool("privateIpGoogleAccess") ?? false,
            ["private_ipv6_google_access"] = subnetwork.Str("privateIpv6GoogleAccess"),
            ["purpose"] = subnetwork.Str("purpose"),
            ["role"] = subnetwork.Str("role"),
            ["stack_type"] = subnetwork.Str("stackType"),
            ["secondary_ip_range"] = new JsonArray((subnetwork.Get("secondaryIpRanges") as JsonArray ?? []).OfType<JsonObject>()
                .Select(r => (JsonNode?)new JsonObject { ["range_name"] = r.Str("rangeName"), ["ip_cidr_range"] = r.Str("ipCidrRange") }).ToArray()),
            ["log_config"] = log.Bool("enable") == true ? ProviderJson.ToArray(new JsonObject
            {
                ["aggregation_interval"] = log.Str("aggregationInterval"),
                ["flow_sampling"] = log.Get("flowSampling")?.DeepClone(),
                ["metadata"] = log.Str("metadata"),
            }) : [],
            ["self_link"] = subnetwork.Str("selfLink"),
        };
        var status = subnetwork.Str("state") is { } state ? ProviderJson.Status(state) : Active;
        return new DiscoveredResource(GcpServices.Subnetwork, id, name, region, status, new Dictionary<string, string>(), attributes);
    }

    internal static DiscoveredResource Firewall(JsonObject firewall, string project)
    {
        var name = GcpCompute.Name(firewall, "a firewall rule");
        var id = $"projects/{project}/global/firewalls/{name}";
        var disabled = firewall.Bool("disabled") ?? false;
        var attributes = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["project"] = project,
            ["network"] = firewall.Str("network"),
            ["description"] = firewall.Str("description") ?? "",
            ["direction"] = firewall.Str("direction"),
            ["priority"] = firewall.Long("priority"),
            ["disabled"] = disabled,
            ["source_ranges"] = firewall.Strings("sourceRanges"),
            ["destination_ranges"] = firewall.Strings("destinationRanges"),
            ["source_tags"] = firewall.Strings("sourceTags"),
            ["target_tags"] = firewall.Strings("targetTags"),
            ["source_service_accounts"] = firewall.Strings("sourceServiceAccounts"),
            ["target_service_accounts"] = firewall.Strings("targetServiceAccounts"),
            ["allow"] = Rules(firewall.Get("allowed")),
            ["deny"] = Rules(firewall.Get("denied")),
            ["log_config"] = firewall.Get("logConfig").Bool("enable") == true
                ? ProviderJson.ToArray(new JsonObject { ["metadata"] = firewall.Get("logConfig").Str("metadata") })
                : [],
            ["self_link"] = firewall.Str("selfLink"),
        };
        return new DiscoveredResource(GcpServices.Firewall, id, name, ProviderService.GlobalRegion, disabled ? "disabled" : "enabled",
            new Dictionary<string, string>(), attributes);
    }

    private static JsonArray Rules(JsonNode? rules) =>
        new((rules as JsonArray ?? []).OfType<JsonObject>()
            .Select(rule => (JsonNode?)new JsonObject { ["protocol"] = rule.Str("IPProtocol"), ["ports"] = rule.Strings("ports") }).ToArray());
}
