namespace IacPlatform.Inventory.Domain;

/// <summary>
/// The seed-001 categories (vm, storage, network, cluster) a provider-native type belongs to; anything else
/// is <c>other</c>. Types are Terraform's resource type names, so state and inventory speak the same language.
/// </summary>
public static class ResourceCategories
{
    public const string Vm = "vm";
    public const string Storage = "storage";
    public const string Network = "network";
    public const string Cluster = "cluster";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [Vm, Storage, Network, Cluster, Other];

    private static readonly Dictionary<string, string> ByType = new(StringComparer.Ordinal)
    {
        ["aws_instance"] = Vm,
        ["aws_ebs_volume"] = Storage,
        ["aws_s3_bucket"] = Storage,
        ["aws_vpc"] = Network,
        ["aws_subnet"] = Network,
        ["aws_security_group"] = Network,
        ["aws_eks_cluster"] = Cluster,
        ["aws_eks_node_group"] = Cluster,
        ["azurerm_linux_virtual_machine"] = Vm,
        ["azurerm_windows_virtual_machine"] = Vm,
        ["azurerm_virtual_machine"] = Vm,
        ["azurerm_managed_disk"] = Storage,
        ["azurerm_storage_account"] = Storage,
        ["azurerm_virtual_network"] = Network,
        ["azurerm_subnet"] = Network,
        ["azurerm_network_security_group"] = Network,
        ["azurerm_kubernetes_cluster"] = Cluster,
        ["azurerm_kubernetes_cluster_node_pool"] = Cluster,
        ["google_compute_instance"] = Vm,
        ["google_compute_disk"] = Storage,
        ["google_compute_region_disk"] = Storage,
        ["google_storage_bucket"] = Storage,
        ["google_compute_network"] = Network,
        ["google_compute_subnetwork"] = Network,
        ["google_compute_firewall"] = Network,
        ["google_container_cluster"] = Cluster,
        ["google_container_node_pool"] = Cluster,
    };

    public static string For(string type) => ByType.GetValueOrDefault(type, Other);

    public static bool IsKnown(string? category) => category is not null && All.Contains(category);
}
