namespace IacPlatform.Inventory.Providers.Azure;

/// <summary>
/// The ARM services the adapter lists. All are subscription-wide (one request lists every region), so they run
/// once per sync with region "global"; each resource carries its own <c>location</c>.
/// </summary>
internal static class AzureServices
{
    public const string Compute = "compute";
    public const string Storage = "storage";
    public const string Network = "network";
    public const string ContainerService = "containerservice";

    public const string LinuxVirtualMachine = "azurerm_linux_virtual_machine";
    public const string WindowsVirtualMachine = "azurerm_windows_virtual_machine";
    public const string VirtualMachine = "azurerm_virtual_machine";
    public const string ManagedDisk = "azurerm_managed_disk";
    public const string StorageAccount = "azurerm_storage_account";
    public const string VirtualNetwork = "azurerm_virtual_network";
    public const string Subnet = "azurerm_subnet";
    public const string NetworkSecurityGroup = "azurerm_network_security_group";
    public const string KubernetesCluster = "azurerm_kubernetes_cluster";
    public const string KubernetesNodePool = "azurerm_kubernetes_cluster_node_pool";

    public static readonly IReadOnlyList<ProviderService> All =
    [
        new(Compute, Regional: false, [LinuxVirtualMachine, WindowsVirtualMachine, VirtualMachine, ManagedDisk]),
        new(Storage, Regional: false, [StorageAccount]),
        new(Network, Regional: false, [VirtualNetwork, Subnet, NetworkSecurityGroup]),
        new(ContainerService, Regional: false, [KubernetesCluster, KubernetesNodePool]),
    ];

    /// <summary>The service whose budget a tag write on <paramref name="type"/> spends; null for types without own tags.</summary>
    public static string? TaggableServiceOf(string type) => type switch
    {
        LinuxVirtualMachine or WindowsVirtualMachine or VirtualMachine or ManagedDisk => Compute,
        StorageAccount => Storage,
        VirtualNetwork or NetworkSecurityGroup => Network,
        KubernetesCluster => ContainerService,
        _ => null,
    };
}
