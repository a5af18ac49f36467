using System.Text.Json;
using static IacPlatform.Inventory.Compliance.CheckNames;

namespace IacPlatform.Inventory.Compliance;

/// <summary>Checks of azurerm storage, disks and VMs (azurerm v4 attribute names, with the v3 names they replaced as fallbacks).</summary>
internal static class AzureChecks
{
    public static IEnumerable<ComplianceCheck> StorageAccount(AttributeReader a)
    {
        yield return Verdict.Pass(EncryptionEnabled, a.First("customer_managed_key") is { } key && AttributeReader.IsConfigured(key)
            ? "customer_managed_key is set: data at rest is encrypted with a Key Vault key."
            : "customer_managed_key is not set: Azure Storage encrypts all data at rest with Microsoft-managed keys.");
        yield return StorageBackup(a);
        yield return a.First("public_network_access_enabled") is { } access && AttributeReader.AsBool(access) == false
            ? Verdict.Pass(NotPubliclyExposed, "public_network_access_enabled is false: the account is reachable only through private endpoints.")
            : Verdict.FirstPresentFlag(a, NotPubliclyExposed, ["allow_nested_items_to_be_public", "allow_blob_public_access"],
                "blobs cannot be made public", "containers may allow anonymous public read access", compliantWhen: false);
        yield return Verdict.FirstPresentFlag(a, HttpsOnly, ["https_traffic_only_enabled", "enable_https_traffic_only"],
            "plain HTTP requests are refused", "the account accepts plain HTTP");
        yield return MinTls(a);
    }

    public static IEnumerable<ComplianceCheck> VirtualMachine(string type, AttributeReader a, JsonElement tags)
    {
        yield return VmEncryption(a);
        yield return Verdict.BackupTag(tags, type);
        yield return BootDiagnostics(a);
        if (type == "azurerm_virtual_machine")
        {
            yield return Verdict.NotApplicable(NotPubliclyExposed,
                "azurerm_virtual_machine reports no public_ip_address; exposure is decided on its network interfaces.");
        }
        else
        {
            yield return VmExposure(a);
        }

        if (type == "azurerm_linux_virtual_machine")
        {
            yield return Verdict.Flag(PasswordAuthenticationDisabled, a, "disable_password_authentication",
                "only SSH keys can log in", "password logins are allowed");
        }
    }

    public static IEnumerable<ComplianceCheck> ManagedDisk(AttributeReader a, JsonElement tags)
    {
        yield return Verdict.Pass(EncryptionEnabled, a.First("disk_encryption_set_id") is { } set && AttributeReader.IsConfigured(set)
            ? "disk_encryption_set_id is set: the disk is encrypted with customer-managed keys."
            : "disk_encryption_set_id is not set: the disk is encrypted at rest with platform-managed keys.");
        yield return Verdict.BackupTag(tags, "azurerm_managed_disk");
        if (a.First("public_network_access_enabled") is { } access && AttributeReader.AsBool(access) == false)
        {
            yield return Verdict.Pass(NotPubliclyExposed, "public_network_access_enabled is false: the disk cannot be exported over the internet.");
        }
        else if (a.First("network_access_policy") is not { } policy)
        {
            yield return Verdict.NotReported(NotPubliclyExposed, "network_access_policy");
        }
        else
        {
            var text = AttributeReader.AsString(policy);
            yield return string.Equals(text, "AllowAll", StringComparison.OrdinalIgnoreCase)
                ? Verdict.Fail(NotPubliclyExposed, "network_access_policy is AllowAll: the disk can be exported from any network.")
                : text is null ? Verdict.Unexpected(NotPubliclyExposed, "network_access_policy", policy)
                : Verdict.Pass(NotPubliclyExposed, $"network_access_policy is {text}: exports are restricted.");
        }
    }

    private static ComplianceCheck StorageBackup(AttributeReader a)
    {
        if (!a.Has("blob_properties"))
        {
            return Verdict.NotReported(BackupEnabled, "blob_properties");
        }

        if (a.Values("blob_properties.delete_retention_policy.days").Select(AttributeReader.AsInt).FirstOrDefault(d => d > 0) is { } days)
        {
            return Verdict.Pass(BackupEnabled, $"blob_properties.delete_retention_policy.days is {days}: deleted blobs can be recovered.");
        }

        return a.Values("blob_properties.versioning_enabled").Any(v => AttributeReader.AsBool(v) == true)
            ? Verdict.Pass(BackupEnabled, "blob_properties.versioning_enabled is true: previous blob versions are kept.")
            : Verdict.Fail(BackupEnabled, "blob_properties has no delete_retention_policy and versioning_enabled is not true: deleted blobs cannot be recovered.");
    }

    private static ComplianceCheck MinTls(AttributeReader a)
    {
        if (a.First("min_tls_version") is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return Verdict.NotReported(MinTlsVersion, "min_tls_version");
        }

        // TLS1_0, TLS1_1, TLS1_2, TLS1_3: compliant from 1.2 on.
        var text = AttributeReader.AsString(value) ?? "";
        var minor = text.StartsWith("TLS1_", StringComparison.OrdinalIgnoreCase) && text.Length == 6 && char.IsAsciiDigit(text[5])
            ? text[5] - '0'
            : -1;
        return minor switch
        {
            < 0 => Verdict.Unexpected(MinTlsVersion, "min_tls_version", value),
            < 2 => Verdict.Fail(MinTlsVersion, $"min_tls_version is {text}: clients may still use TLS older than 1.2."),
            _ => Verdict.Pass(MinTlsVersion, $"min_tls_version is {text}: clients must use TLS 1.2 or later."),
        };
    }

    private static ComplianceCheck VmEncryption(AttributeReader a)
    {
        if (a.Values("os_disk.disk_encryption_set_id").Concat(a.Values("os_disk.secure_vm_disk_encryption_set_id")).Any(AttributeReader.IsConfigured))
        {
            return Verdict.Pass(EncryptionEnabled, "os_disk.disk_encryption_set_id is set: disks are encrypted with customer-managed keys.");
        }

        return Verdict.Flag(EncryptionEnabled, a, "encryption_at_host_enabled",
            "temp disks and disk caches are encrypted on the host too",
            "temp disks and disk caches are not encrypted and os_disk has no disk_encryption_set_id");
    }

    private static ComplianceCheck BootDiagnostics(AttributeReader a)
    {
        if (!a.Has("boot_diagnostics"))
        {
            return Verdict.NotReported(MonitoringEnabled, "boot_diagnostics");
        }

        // azurerm_virtual_machine's block carries "enabled"; the newer VMs' block exists only when on.
        var blocks = a.Items("boot_diagnostics").Where(b => b.ValueKind == JsonValueKind.Object).ToList();
        return blocks.Count > 0 && blocks.All(b => new AttributeReader(b).First("enabled") is not { } on || AttributeReader.AsBool(on) == true)
            ? Verdict.Pass(MonitoringEnabled, "boot_diagnostics is configured: boot logs and screenshots are captured.")
            : Verdict.Fail(MonitoringEnabled, "boot_diagnostics is not enabled: no boot logs or screenshots are captured.");
    }

    private static ComplianceCheck VmExposure(AttributeReader a)
    {
        var addresses = a.Items("public_ip_address").Concat(a.Items("public_ip_addresses"))
            .Select(AttributeReader.AsString).Where(s => !string.IsNullOrEmpty(s)).ToList();
        if (addresses.Count > 0)
        {
            return Verdict.Fail(NotPubliclyExposed, $"public_ip_address is {addresses[0]}: the VM has a public address.");
        }

        return a.Has("public_ip_address") || a.Has("public_ip_addresses")
            ? Verdict.Pass(NotPubliclyExposed, "public_ip_address is empty: the VM has no public address.")
            : Verdict.NotReported(NotPubliclyExposed, "public_ip_address");
    }
}
