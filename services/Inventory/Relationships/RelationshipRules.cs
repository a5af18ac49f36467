using static IacPlatform.Inventory.Relationships.ReferenceMatch;
using static IacPlatform.Inventory.Relationships.RelationshipTypes;

namespace IacPlatform.Inventory.Relationships;

/// <summary>
/// Which attributes of which Terraform types reference which other resources. Data only: the deriver turns
/// each rule into one set-based statement, so supporting a new reference is one line here.
/// </summary>
internal static class RelationshipRules
{
    private static readonly string[] AzureVms =
        ["azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine", "azurerm_virtual_machine"];

    private static readonly string[] AzureNic = ["azurerm_network_interface"];

    public static readonly IReadOnlyList<RelationshipRule> All =
    [
        // AWS (ids are exact).
        new(["aws_instance"], "subnet_id", ["aws_subnet"], MemberOf),
        new(["aws_instance"], "vpc_security_group_ids", ["aws_security_group"], ProtectedBy),
        new(["aws_instance"], "root_block_device.volume_id", ["aws_ebs_volume"], AttachedTo, Reversed: true),
        new(["aws_instance"], "ebs_block_device.volume_id", ["aws_ebs_volume"], AttachedTo, Reversed: true),
        new(["aws_ebs_volume"], "attachments.instance_id", ["aws_instance"], AttachedTo),
        new(["aws_subnet"], "vpc_id", ["aws_vpc"], MemberOf),
        new(["aws_security_group"], "vpc_id", ["aws_vpc"], ContainedIn),
        new(["aws_eks_cluster"], "vpc_config.subnet_ids", ["aws_subnet"], MemberOf),
        new(["aws_eks_cluster"], "vpc_config.security_group_ids", ["aws_security_group"], ProtectedBy),
        new(["aws_eks_cluster"], "vpc_config.cluster_security_group_id", ["aws_security_group"], ProtectedBy),
        new(["aws_eks_cluster"], "vpc_config.vpc_id", ["aws_vpc"], ContainedIn),
        new(["aws_eks_node_group"], "cluster_name", ["aws_eks_cluster"], PartOf, Name),
        new(["aws_eks_node_group"], "subnet_ids", ["aws_subnet"], MemberOf),

        // Azure (ids case-insensitive; names scoped by resource group).
        new(["azurerm_subnet"], "virtual_network_name", ["azurerm_virtual_network"], MemberOf, AzureNameInResourceGroup),
        new(["azurerm_subnet"], "network_security_group_id", ["azurerm_network_security_group"], ProtectedBy, AzureId),
        new(AzureNic, "ip_configuration.subnet_id", ["azurerm_subnet"], MemberOf, AzureId),
        new(AzureNic, "network_security_group_id", ["azurerm_network_security_group"], ProtectedBy, AzureId),
        new(AzureVms, "network_interface_ids", AzureNic, AttachedTo, AzureId, Reversed: true),
        new(AzureVms, "network_interface_ids", ["azurerm_subnet"], MemberOf, AzureId,
            Via: new(AzureNic, "ip_configuration.subnet_id")),
        new(AzureVms, "network_interface_ids", ["azurerm_network_security_group"], ProtectedBy, AzureId,
            Via: new(AzureNic, "network_security_group_id")),
        new(AzureVms, "os_disk.name", ["azurerm_managed_disk"], AttachedTo, AzureNameInResourceGroup, Reversed: true),
        new(["azurerm_virtual_machine"], "storage_os_disk.managed_disk_id", ["azurerm_managed_disk"], AttachedTo, AzureId, Reversed: true),
        new(["azurerm_virtual_machine"], "storage_data_disk.managed_disk_id", ["azurerm_managed_disk"], AttachedTo, AzureId, Reversed: true),
        new(["azurerm_kubernetes_cluster"], "default_node_pool.vnet_subnet_id", ["azurerm_subnet"], MemberOf, AzureId),
        new(["azurerm_kubernetes_cluster_node_pool"], "kubernetes_cluster_id", ["azurerm_kubernetes_cluster"], PartOf, AzureId),
        new(["azurerm_kubernetes_cluster_node_pool"], "vnet_subnet_id", ["azurerm_subnet"], MemberOf, AzureId),

        // GCP (self-links, relative ids or bare names).
        new(["google_compute_instance"], "network_interface.subnetwork", ["google_compute_subnetwork"], MemberOf, GcpSelfLink),
        new(["google_compute_instance"], "network_interface.network", ["google_compute_network"], ContainedIn, GcpSelfLink),
        new(["google_compute_instance"], "boot_disk.source", ["google_compute_disk"], AttachedTo, GcpSelfLink, Reversed: true),
        new(["google_compute_instance"], "attached_disk.source", ["google_compute_disk"], AttachedTo, GcpSelfLink, Reversed: true),
        new(["google_compute_disk"], "users", ["google_compute_instance"], AttachedTo, GcpSelfLink),
        new(["google_compute_subnetwork"], "network", ["google_compute_network"], MemberOf, GcpSelfLink),
        new(["google_compute_firewall"], "network", ["google_compute_network"], ContainedIn, GcpSelfLink),
        new(["google_container_cluster"], "network", ["google_compute_network"], ContainedIn, GcpSelfLink),
        new(["google_container_cluster"], "subnetwork", ["google_compute_subnetwork"], MemberOf, GcpSelfLink),
        new(["google_container_node_pool"], "cluster", ["google_container_cluster"], PartOf, GcpSelfLink),
    ];
}
