namespace IacPlatform.Inventory.Tests.Relationships;

/// <summary>An Azure subscription as the sync stores it (azurerm attribute names) and the edges it must yield.</summary>
internal static class AzureSample
{
    private const string Rg = "/subscriptions/0000-1111/resourceGroups/rg-app";
    private const string OtherRg = "/subscriptions/0000-1111/resourceGroups/rg-other";
    private const string Vnet = Rg + "/providers/Microsoft.Network/virtualNetworks/vnet-main";
    private const string Subnet = Vnet + "/subnets/app";
    private const string Nsg = Rg + "/providers/Microsoft.Network/networkSecurityGroups/app-nsg";
    private const string Nic = Rg + "/providers/Microsoft.Network/networkInterfaces/vm1-nic";
    private const string Aks = Rg + "/providers/Microsoft.ContainerService/managedClusters/aks1";

    public static readonly List<(string Source, string Target, string Type, string Attribute)> Expected =
    [
        ("app", "vnet-main", "member_of", "virtual_network_name"),
        ("app", "app-nsg", "protected_by", "network_security_group_id"),
        ("vm1-nic", "app", "member_of", "ip_configuration.subnet_id"),
        ("vm1-nic", "app-nsg", "protected_by", "network_security_group_id"),
        ("vm1-nic", "vm1", "attached_to", "network_interface_ids"),
        ("vm1", "app", "member_of", "network_interface_ids>ip_configuration.subnet_id"),
        ("vm1", "app-nsg", "protected_by", "network_interface_ids>network_security_group_id"),
        ("vm1-osdisk", "vm1", "attached_to", "os_disk.name"),
        ("aks1", "app", "member_of", "default_node_pool.vnet_subnet_id"),
        ("pool2", "aks1", "part_of", "kubernetes_cluster_id"),
        ("pool2", "app", "member_of", "vnet_subnet_id"),
    ];

    public static async Task SeedAsync(InventoryRows rows, Guid account)
    {
        await rows.ResourceAsync(account, "azurerm_virtual_network", Vnet, "vnet-main", """{"address_space": ["10.1.0.0/16"]}""", region: "westeurope");
        // Same name in another resource group: must not catch the subnet.
        await rows.ResourceAsync(account, "azurerm_virtual_network", OtherRg + "/providers/Microsoft.Network/virtualNetworks/vnet-main",
            "vnet-main", region: "westeurope");
        await rows.ResourceAsync(account, "azurerm_subnet", Subnet, "app", $$"""
            {"virtual_network_name": "VNET-MAIN", "resource_group_name": "rg-app",
             "network_security_group_id": "{{Nsg.ToLowerInvariant()}}"}
            """, region: "westeurope");
        await rows.ResourceAsync(account, "azurerm_network_security_group", Nsg, "app-nsg", """{"security_rule": []}""", region: "westeurope");
        await rows.ResourceAsync(account, "azurerm_network_interface", Nic, "vm1-nic", $$"""
            {"ip_configuration": [{"name": "internal", "subnet_id": "{{Subnet.ToUpperInvariant()}}", "private_ip_address": "10.1.1.4"}],
             "network_security_group_id": "{{Nsg}}"}
            """, region: "westeurope");
        await rows.ResourceAsync(account, "azurerm_linux_virtual_machine", Rg + "/providers/Microsoft.Compute/virtualMachines/vm1", "vm1", $$"""
            {"size": "Standard_B2s", "network_interface_ids": ["{{Nic.Replace("resourceGroups", "resourcegroups", StringComparison.Ordinal)}}"],
             "os_disk": [{"name": "vm1-osdisk", "caching": "ReadWrite"}]}
            """, region: "westeurope");
        await rows.ResourceAsync(account, "azurerm_managed_disk", Rg + "/providers/Microsoft.Compute/disks/vm1-osdisk", "vm1-osdisk",
            region: "westeurope");
        await rows.ResourceAsync(account, "azurerm_managed_disk", OtherRg + "/providers/Microsoft.Compute/disks/vm1-osdisk", "vm1-osdisk",
            region: "westeurope");
        await rows.ResourceAsync(account, "azurerm_kubernetes_cluster", Aks, "aks1", $$"""
            {"default_node_pool": [{"name": "system", "vnet_subnet_id": "{{Subnet}}"}]}
            """, region: "westeurope");
        await rows.ResourceAsync(account, "azurerm_kubernetes_cluster_node_pool", Aks + "/agentPools/pool2", "pool2", $$"""
            {"kubernetes_cluster_id": "{{Aks.ToLowerInvariant()}}", "vnet_subnet_id": "{{Subnet}}"}
            """, region: "westeurope");
    }
}
