using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using IacPlatform.Inventory.Providers.Http;

namespace IacPlatform.Inventory.Providers.Azure;

/// <summary>network: virtual networks, each inline subnet as its own azurerm_subnet, and network security groups.</summary>
internal static class AzureNetwork
{
    public static async IAsyncEnumerable<DiscoveredResource> DiscoverAsync(
        AzureArmClient arm, AzureRequestScope scope, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var vnet in arm.ListAsync(scope, "Microsoft.Network/virtualNetworks", AzureApiVersions.Network, null,
            "listing virtual networks", cancellationToken))
        {
            var network = VirtualNetwork(vnet);
            yield return network;
            foreach (var subnet in (vnet.Get("properties", "subnets") as JsonArray ?? []).OfType<JsonObject>())
            {
                yield return Subnet(subnet, network);
            }
        }

        await foreach (var nsg in arm.ListAsync(scope, "Microsoft.Network/networkSecurityGroups", AzureApiVersions.Network, null,
            "listing network security groups", cancellationToken))
        {
            yield return NetworkSecurityGroup(nsg);
        }
    }

    internal static DiscoveredResource VirtualNetwork(JsonObject vnet)
    {
        var id = AzureResource.Id(vnet, "a virtual network");
        var name = vnet.Str("name") ?? id[(id.LastIndexOf('/') + 1)..];
        var location = AzureResource.Location(vnet);
        var properties = vnet.Get("properties");
        var attributes = AzureResource.Attributes(id, name, location);
        attributes["address_space"] = properties.Get("addressSpace").Strings("addressPrefixes");
        attributes["dns_servers"] = properties.Get("dhcpOptions").Strings("dnsServers");
        attributes["subnet"] = new JsonArray((properties.Get("subnets") as JsonArray ?? []).OfType<JsonObject>()
            .Select(subnet => (JsonNode?)new JsonObject
            {
                ["id"] = subnet.Str("id") is { } subnetId ? AzureResourceId.Normalize(subnetId) : null,
                ["name"] = subnet.Str("name"),
                ["address_prefixes"] = AddressPrefixes(subnet.Get("properties")),
                ["security_group"] = subnet.Get("properties", "networkSecurityGroup").Str("id") is { } nsg ? AzureResourceId.Normalize(nsg) : "",
            }).ToArray());
        attributes["guid"] = properties.Str("resourceGuid");
        attributes["flow_timeout_in_minutes"] = properties.Long("flowTimeoutInMinutes");
        attributes["bgp_community"] = properties.Get("bgpCommunities").Str("virtualNetworkCommunity");
        attributes["ddos_protection_plan"] = properties.Get("ddosProtectionPlan").Str("id") is { } plan
            ? ProviderJson.ToArray(new JsonObject { ["id"] = plan, ["enable"] = properties.Bool("enableDdosProtection") ?? false })
            : [];
        return AzureResource.Discovered(AzureServices.VirtualNetwork, id, name, location,
            ProviderJson.Status(properties.Str("provisioningState")), vnet, attributes);
    }

    /// <summary>A subnet has no location or tags of its own: it is in its network's region and carries none.</summary>
    internal static DiscoveredResource Subnet(JsonObject subnet, DiscoveredResource network)
    {
        var id = AzureResource.Id(subnet, "a subnet");
        var name = subnet.Str("name") ?? id[(id.LastIndexOf('/') + 1)..];
        var properties = subnet.Get("properties");
        var attributes = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["resource_group_name"] = AzureResourceId.ResourceGroup(id),
            ["virtual_network_name"] = network.Name,
            ["address_prefixes"] = AddressPrefixes(properties),
            ["network_security_group_id"] = properties.Get("networkSecurityGroup").Str("id") is { } nsg ? AzureResourceId.Normalize(nsg) : null,
            ["route_table_id"] = properties.Get("routeTable").Str("id") is { } table ? AzureResourceId.Normalize(table) : null,
            ["service_endpoints"] = ProviderJson.ToArray((properties.Get("serviceEndpoints") as JsonArray)?.Select(e => e.Str("service"))),
            ["delegation"] = new JsonArray((properties.Get("delegations") as JsonArray ?? []).OfType<JsonObject>()
                .Select(d => (JsonNode?)new JsonObject
                {
                    ["name"] = d.Str("name"),
                    ["service_delegation"] = ProviderJson.ToArray(new JsonObject
                    {
                        ["name"] = d.Get("properties").Str("serviceName"),
                        ["actions"] = d.Get("properties").Strings("actions"),
                    }),
                }).ToArray()),
            ["private_endpoint_network_policies"] = properties.Str("privateEndpointNetworkPolicies") ?? "Disabled",
            ["private_link_service_network_policies_enabled"] =
                !"Disabled".Equals(properties.Str("privateLinkServiceNetworkPolicies"), StringComparison.OrdinalIgnoreCase),
            ["default_outbound_access_enabled"] = properties.Bool("defaultOutboundAccess") ?? true,
        };
        return new DiscoveredResource(AzureServices.Subnet, id, name, network.Region,
            ProviderJson.Status(properties.Str("provisioningState")), new Dictionary<string, string>(), attributes);
    }

    internal static DiscoveredResource NetworkSecurityGroup(JsonObject nsg)
    {
        var id = AzureResource.Id(nsg, "a network security group");
        var name = nsg.Str("name") ?? id[(id.LastIndexOf('/') + 1)..];
        var location = AzureResource.Location(nsg);
        var properties = nsg.Get("properties");
        var attributes = AzureResource.Attributes(id, name, location);
        attributes["security_rule"] = new JsonArray((properties.Get("securityRules") as JsonArray ?? []).OfType<JsonObject>()
            .Select(rule => (JsonNode?)SecurityRule(rule)).ToArray());
        return AzureResource.Discovered(AzureServices.NetworkSecurityGroup, id, name, location,
            ProviderJson.Status(properties.Str("provisioningState")), nsg, attributes);
    }

    /// <summary>One rule as azurerm stores it: absent strings are "", absent lists are empty.</summary>
    private static JsonObject SecurityRule(JsonObject rule)
    {
        var p = rule.Get("properties");
        return new JsonObject
        {
            ["name"] = rule.Str("name"),
            ["description"] = p.Str("description") ?? "",
            ["priority"] = p.Long("priority"),
            ["direction"] = p.Str("direction"),
            ["access"] = p.Str("access"),
            ["protocol"] = p.Str("protocol"),
            ["source_port_range"] = p.Str("sourcePortRange") ?? "",
            ["source_port_ranges"] = p.Strings("sourcePortRanges"),
            ["destination_port_range"] = p.Str("destinationPortRange") ?? "",
            ["destination_port_ranges"] = p.Strings("destinationPortRanges"),
            ["source_address_prefix"] = p.Str("sourceAddressPrefix") ?? "",
            ["source_address_prefixes"] = p.Strings("sourceAddressPrefixes"),
            ["destination_address_prefix"] = p.Str("destinationAddressPrefix") ?? "",
            ["destination_address_prefixes"] = p.Strings("destinationAddressPrefixes"),
            ["source_application_security_group_ids"] = ProviderJson.ToArray(
                (p.Get("sourceApplicationSecurityGroups") as JsonArray)?.Select(g => g.Str("id"))),
            ["destination_application_security_group_ids"] = ProviderJson.ToArray(
                (p.Get("destinationApplicationSecurityGroups") as JsonArray)?.Select(g => g.Str("id"))),
        };
    }

    /// <summary>ARM answers a single <c>addressPrefix</c> or a list <c>addressPrefixes</c>; azurerm always keeps the list.</summary>
    private static JsonArray AddressPrefixes(JsonNode? properties) =>
        properties.Get("addressPrefixes") is JsonArray ? properties.Strings("addressPrefixes") : ProviderJson.ToArray(new[] { properties.Str("addressPrefix") });
}
