using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using IacPlatform.Inventory.Providers.Http;

namespace IacPlatform.Inventory.Providers.Azure;

/// <summary>
/// compute: virtual machines (azurerm_linux_/windows_virtual_machine by OS) and managed disks. The VM list does not
/// carry power state, so a first <c>statusOnly=true</c> pass collects it and the model pass joins it by id.
/// </summary>
internal static class AzureCompute
{
    private const string VirtualMachines = "Microsoft.Compute/virtualMachines";
    private const string Disks = "Microsoft.Compute/disks";

    public static async IAsyncEnumerable<DiscoveredResource> DiscoverAsync(
        AzureArmClient arm, AzureRequestScope scope, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var powerStates = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var vm in arm.ListAsync(scope, VirtualMachines, AzureApiVersions.VirtualMachines, "&statusOnly=true",
            "listing virtual machine power states", cancellationToken))
        {
            var power = (vm.Get("properties", "instanceView").Get("statuses") as JsonArray)?
                .Select(s => s.Str("code"))
                .FirstOrDefault(code => code?.StartsWith("PowerState/", StringComparison.OrdinalIgnoreCase) == true);
            if (vm.Str("id") is { } id && power is not null)
            {
                powerStates[AzureResourceId.Normalize(id)] = power["PowerState/".Length..];
            }
        }

        await foreach (var vm in arm.ListAsync(scope, VirtualMachines, AzureApiVersions.VirtualMachines, null,
            "listing virtual machines", cancellationToken))
        {
            yield return VirtualMachine(vm, powerStates);
        }

        await foreach (var disk in arm.ListAsync(scope, Disks, AzureApiVersions.Disks, null, "listing managed disks", cancellationToken))
        {
            yield return ManagedDisk(disk);
        }
    }

    internal static DiscoveredResource VirtualMachine(JsonObject vm, IReadOnlyDictionary<string, string> powerStates)
    {
        var id = AzureResource.Id(vm, "a virtual machine");
        var name = vm.Str("name") ?? id[(id.LastIndexOf('/') + 1)..];
        var location = AzureResource.Location(vm);
        var properties = vm.Get("properties");
        var osProfile = properties.Get("osProfile");
        var storage = properties.Get("storageProfile");
        var osDisk = storage.Get("osDisk");
        var osType = osDisk.Str("osType");
        var windows = osProfile.Get("windowsConfiguration") is JsonObject || "Windows".Equals(osType, StringComparison.OrdinalIgnoreCase);
        var linux = !windows && (osProfile.Get("linuxConfiguration") is JsonObject || "Linux".Equals(osType, StringComparison.OrdinalIgnoreCase));
        var type = windows ? AzureServices.WindowsVirtualMachine : linux ? AzureServices.LinuxVirtualMachine : AzureServices.VirtualMachine;

        var image = storage.Get("imageReference");
        var security = properties.Get("securityProfile");
        var bootDiagnostics = properties.Get("diagnosticsProfile", "bootDiagnostics");
        var attributes = AzureResource.Attributes(id, name, location);
        attributes["size"] = properties.Get("hardwareProfile").Str("vmSize");
        attributes["zone"] = vm.Strings("zones").FirstOrDefault()?.GetValue<string>();
        attributes["admin_username"] = osProfile.Str("adminUsername");
        attributes["computer_name"] = osProfile.Str("computerName");
        attributes["network_interface_ids"] = ProviderJson.ToArray(
            (properties.Get("networkProfile", "networkInterfaces") as JsonArray)?.Select(n => n.Str("id") is { } nic ? AzureResourceId.Normalize(nic) : null));
        attributes["os_disk"] = ProviderJson.ToArray(new JsonObject
        {
            ["name"] = osDisk.Str("name"),
            ["caching"] = osDisk.Str("caching") ?? "None",
            ["storage_account_type"] = osDisk.Get("managedDisk").Str("storageAccountType"),
            ["disk_size_gb"] = osDisk.Long("diskSizeGB"),
            ["disk_encryption_set_id"] = osDisk.Get("managedDisk", "diskEncryptionSet").Str("id"),
            ["security_encryption_type"] = osDisk.Get("managedDisk", "securityProfile").Str("securityEncryptionType"),
            ["write_accelerator_enabled"] = osDisk.Bool("writeAcceleratorEnabled") ?? false,
        });
        attributes["source_image_reference"] = image.Str("publisher") is null ? [] : ProviderJson.ToArray(new JsonObject
        {
            ["publisher"] = image.Str("publisher"),
            ["offer"] = image.Str("offer"),
            ["sku"] = image.Str("sku"),
            ["version"] = image.Str("version"),
        });
        attributes["source_image_id"] = image.Str("id");
        attributes["encryption_at_host_enabled"] = security.Bool("encryptionAtHost") ?? false;
        attributes["secure_boot_enabled"] = security.Get("uefiSettings").Bool("secureBootEnabled") ?? false;
        attributes["vtpm_enabled"] = security.Get("uefiSettings").Bool("vTpmEnabled") ?? false;
        attributes["boot_diagnostics"] = bootDiagnostics.Bool("enabled") == true
            ? ProviderJson.ToArray(new JsonObject { ["storage_account_uri"] = bootDiagnostics.Str("storageUri") })
            : [];
        attributes["priority"] = properties.Str("priority") ?? "Regular";
        attributes["eviction_policy"] = properties.Str("evictionPolicy");
        attributes["availability_set_id"] = properties.Get("availabilitySet").Str("id") is { } set ? AzureResourceId.Normalize(set) : null;
        attributes["license_type"] = properties.Str("licenseType");
        attributes["provision_vm_agent"] = (osProfile.Get("windowsConfiguration") ?? osProfile.Get("linuxConfiguration")).Bool("provisionVMAgent") ?? true;
        attributes["virtual_machine_id"] = properties.Str("vmId");
        attributes["identity"] = AzureResource.Identity(vm);
        if (windows)
        {
            var config = osProfile.Get("windowsConfiguration");
            attributes["automatic_updates_enabled"] = config.Bool("enableAutomaticUpdates") ?? true;
            attributes["timezone"] = config.Str("timeZone");
            attributes["patch_mode"] = config.Get("patchSettings").Str("patchMode");
        }
        else if (linux)
        {
            var config = osProfile.Get("linuxConfiguration");
            attributes["disable_password_authentication"] = config.Bool("disablePasswordAuthentication") ?? true;
            attributes["patch_mode"] = config.Get("patchSettings").Str("patchMode");
        }

        var status = powerStates.TryGetValue(id, out var power) ? power : properties.Str("provisioningState");
        return AzureResource.Discovered(type, id, name, location, ProviderJson.Status(status), vm, attributes);
    }

    internal static DiscoveredResource ManagedDisk(JsonObject disk)
    {
        var id = AzureResource.Id(disk, "a managed disk");
        var name = disk.Str("name") ?? id[(id.LastIndexOf('/') + 1)..];
        var location = AzureResource.Location(disk);
        var properties = disk.Get("properties");
        var creation = properties.Get("creationData");
        var attributes = AzureResource.Attributes(id, name, location);
        attributes["storage_account_type"] = disk.Get("sku").Str("name");
        attributes["create_option"] = creation.Str("createOption");
        attributes["disk_size_gb"] = properties.Long("diskSizeGB");
        attributes["os_type"] = properties.Str("osType");
        attributes["zone"] = disk.Strings("zones").FirstOrDefault()?.GetValue<string>();
        attributes["disk_iops_read_write"] = properties.Long("diskIOPSReadWrite");
        attributes["disk_mbps_read_write"] = properties.Long("diskMBpsReadWrite");
        attributes["hyper_v_generation"] = properties.Str("hyperVGeneration");
        attributes["network_access_policy"] = properties.Str("networkAccessPolicy");
        attributes["public_network_access_enabled"] = !"Disabled".Equals(properties.Str("publicNetworkAccess"), StringComparison.OrdinalIgnoreCase);
        attributes["disk_encryption_set_id"] = properties.Get("encryption").Str("diskEncryptionSetId");
        attributes["encryption_type"] = properties.Get("encryption").Str("type");
        attributes["source_resource_id"] = creation.Str("sourceResourceId");
        attributes["image_reference_id"] = creation.Get("imageReference").Str("id");
        attributes["managed_by"] = disk.Str("managedBy") is { } owner ? AzureResourceId.Normalize(owner) : null;
        attributes["disk_state"] = properties.Str("diskState");
        return AzureResource.Discovered(AzureServices.ManagedDisk, id, name, location,
            ProviderJson.Status(properties.Str("provisioningState")), disk, attributes);
    }
}
