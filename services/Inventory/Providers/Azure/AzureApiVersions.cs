namespace IacPlatform.Inventory.Providers.Azure;

/// <summary>The GA ARM api-versions the adapter reads (checked against the Azure REST reference, 2026-11).</summary>
internal static class AzureApiVersions
{
    public const string VirtualMachines = "2025-04-01";
    public const string Disks = "2025-01-02";
    public const string Storage = "2025-01-01";
    public const string Network = "2025-05-01";
    public const string ContainerService = "2025-08-01";
    public const string Tags = "2021-04-01";
}
