using System.Text.Json;
using static IacPlatform.Inventory.Compliance.CheckNames;

namespace IacPlatform.Inventory.Compliance;

/// <summary>Checks of google types, read from Terraform's attribute names.</summary>
internal static class GcpChecks
{
    public static IEnumerable<ComplianceCheck> StorageBucket(AttributeReader a)
    {
        yield return Verdict.Pass(EncryptionEnabled, a.Values("encryption.default_kms_key_name").Any(AttributeReader.IsConfigured)
            ? "encryption.default_kms_key_name is set: objects are encrypted with a Cloud KMS key."
            : "encryption.default_kms_key_name is not set: Cloud Storage encrypts all objects at rest with Google-managed keys.");
        yield return Verdict.Flag(BackupEnabled, a, "versioning.enabled",
            "noncurrent object versions are kept", "overwritten or deleted objects cannot be recovered");
        yield return Verdict.Configured(MonitoringEnabled, a, "logging", "logging.log_bucket",
            "usage and storage logs are delivered", "no usage logs are kept");
        yield return PublicAccessPrevention(a);
        yield return Verdict.Flag(UniformBucketLevelAccess, a, "uniform_bucket_level_access",
            "access is governed by IAM only", "per-object ACLs can still grant access");
    }

    public static IEnumerable<ComplianceCheck> ComputeInstance(AttributeReader a, JsonElement tags)
    {
        yield return Verdict.Pass(EncryptionEnabled, a.Values("boot_disk.kms_key_self_link").Any(AttributeReader.IsConfigured)
            ? "boot_disk.kms_key_self_link is set: the boot disk is encrypted with a Cloud KMS key."
            : "boot_disk.kms_key_self_link is not set: Compute Engine encrypts the disks at rest with Google-managed keys.");
        yield return Verdict.BackupTag(tags, "google_compute_instance");
        yield return Verdict.NotApplicable(MonitoringEnabled,
            "Cloud Monitoring collects google_compute_instance metrics without a per-instance switch.");
        yield return InstanceExposure(a);
        yield return Verdict.Flag(DeletionProtection, a, "deletion_protection",
            "the instance cannot be deleted until it is turned off", "the instance can be deleted without protection");
    }

    public static IEnumerable<ComplianceCheck> ComputeDisk(AttributeReader a, JsonElement tags)
    {
        yield return Verdict.Pass(EncryptionEnabled, a.Values("disk_encryption_key.kms_key_self_link").Any(AttributeReader.IsConfigured)
            ? "disk_encryption_key.kms_key_self_link is set: the disk is encrypted with a Cloud KMS key."
            : "disk_encryption_key is not set: Compute Engine encrypts the disk at rest with Google-managed keys.");
        yield return a.Items("resource_policies").Any(AttributeReader.IsConfigured)
            ? Verdict.Pass(BackupEnabled, "resource_policies attach a snapshot schedule to the disk.")
            : Verdict.BackupTag(tags, "google_compute_disk");
    }

    public static IEnumerable<ComplianceCheck> Firewall(AttributeReader a)
    {
        yield return FirewallExposure(a);
    }

    public static IEnumerable<ComplianceCheck> Subnetwork(AttributeReader a)
    {
        yield return Verdict.Configured(MonitoringEnabled, a, "log_config", "log_config.aggregation_interval",
            "VPC flow logs are on", "VPC flow logs are off");
    }

    public static IEnumerable<ComplianceCheck> ContainerCluster(AttributeReader a)
    {
        yield return DatabaseEncryption(a);
        yield return a.First("monitoring_service") is { } service && AttributeReader.AsString(service) is { Length: > 0 } name
            ? name == "none"
                ? Verdict.Fail(MonitoringEnabled, "monitoring_service is none: the cluster sends no metrics to Cloud Monitoring.")
                : Verdict.Pass(MonitoringEnabled, $"monitoring_service is {name}: the cluster sends metrics to Cloud Monitoring.")
            : Verdict.NotReported(MonitoringEnabled, "monitoring_service");
        yield return ClusterExposure(a);
        yield return Verdict.Flag(DeletionProtection, a, "deletion_protection",
            "Terraform refuses to destroy the cluster", "the cluster can be destroyed without protection");
    }

    private static ComplianceCheck PublicAccessPrevention(AttributeReader a)
    {
        if (a.First("public_access_prevention") is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return Verdict.NotReported(NotPubliclyExposed, "public_access_prevention");
        }

        return AttributeReader.AsString(value) switch
        {
            "enforced" => Verdict.Pass(NotPubliclyExposed, "public_access_prevention is enforced: the bucket cannot be made public."),
            { } other => Verdict.Fail(NotPubliclyExposed, $"public_access_prevention is {other}: IAM or ACLs can still make the bucket public."),
            null => Verdict.Unexpected(NotPubliclyExposed, "public_access_prevention", value),
        };
    }

    private static ComplianceCheck InstanceExposure(AttributeReader a)
    {
        if (!a.Has("network_interface"))
        {
            return Verdict.NotReported(NotPubliclyExposed, "network_interface");
        }

        var interfaces = a.Items("network_interface");
        for (var i = 0; i < interfaces.Count; i++)
        {
            var nic = new AttributeReader(interfaces[i]);
            if (nic.Items("access_config").Concat(nic.Items("ipv6_access_config")).FirstOrDefault(AttributeReader.IsConfigured) is
                { ValueKind: not JsonValueKind.Undefined } config)
            {
                var natIp = new AttributeReader(config).First("nat_ip") is { } ip ? AttributeReader.AsString(ip) : null;
                return Verdict.Fail(NotPubliclyExposed,
                    $"network_interface[{i}].access_config gives the instance an external IP{(string.IsNullOrEmpty(natIp) ? "" : $" ({natIp})")}.");
            }
        }

        return Verdict.Pass(NotPubliclyExposed, "no network_interface has an access_config: the instance has no external IP.");
    }

    private static ComplianceCheck FirewallExposure(AttributeReader a)
    {
        if (a.First("disabled") is { } disabled && AttributeReader.AsBool(disabled) == true)
        {
            return Verdict.Pass(NotPubliclyExposed, "disabled is true: the rule is not enforced.");
        }

        if (a.First("direction") is { } direction && AttributeReader.AsString(direction) is { } text
            && !string.Equals(text, "INGRESS", StringComparison.OrdinalIgnoreCase))
        {
            return Verdict.Pass(NotPubliclyExposed, $"direction is {text}: the rule admits no inbound traffic.");
        }

        if (!a.Has("source_ranges"))
        {
            return Verdict.NotReported(NotPubliclyExposed, "source_ranges");
        }

        if (a.Items("source_ranges").FirstOrDefault(NetworkExposure.IsWorld) is not { ValueKind: JsonValueKind.String } world)
        {
            return Verdict.Pass(NotPubliclyExposed, "source_ranges do not include 0.0.0.0/0.");
        }

        foreach (var allow in a.Items("allow"))
        {
            var rule = new AttributeReader(allow);
            var protocol = rule.First("protocol") is { } p ? AttributeReader.AsString(p) : null;
            if (NetworkExposure.IsIcmp(protocol))
            {
                continue;
            }

            // No ports (or protocol "all") means every port.
            var exposed = rule.Items("ports").Select(AttributeReader.AsString).DefaultIfEmpty("*")
                .Select(NetworkExposure.ParsePorts).Where(NetworkExposure.ReachesBeyondWeb).ToList();
            if (NetworkExposure.IsAllProtocols(protocol) || exposed.Count > 0)
            {
                var ports = exposed.Count > 0 ? exposed[0] : NetworkExposure.ParsePorts("*");
                return Verdict.Fail(NotPubliclyExposed,
                    $"allow admits {world.GetString()} (source_ranges) on {protocol ?? "any protocol"} {NetworkExposure.Describe(ports)}.");
            }
        }

        return Verdict.Pass(NotPubliclyExposed, "allow admits 0.0.0.0/0 on no port other than 80 and 443.");
    }

    private static ComplianceCheck DatabaseEncryption(AttributeReader a)
    {
        if (a.First("database_encryption.state") is not { } state)
        {
            return Verdict.NotReported(EncryptionEnabled, "database_encryption.state");
        }

        return AttributeReader.AsString(state) switch
        {
            "ENCRYPTED" => Verdict.Pass(EncryptionEnabled, "database_encryption.state is ENCRYPTED: secrets are encrypted with a Cloud KMS key."),
            { } other => Verdict.Fail(EncryptionEnabled, $"database_encryption.state is {other}: secrets are not encrypted with a Cloud KMS key."),
            null => Verdict.Unexpected(EncryptionEnabled, "database_encryption.state", state),
        };
    }

    private static ComplianceCheck ClusterExposure(AttributeReader a)
    {
        if (a.Values("private_cluster_config.enable_private_endpoint").Any(v => AttributeReader.AsBool(v) == true))
        {
            return Verdict.Pass(NotPubliclyExposed, "private_cluster_config.enable_private_endpoint is true: the control plane has only a private endpoint.");
        }

        var cidrs = a.Items("master_authorized_networks_config.cidr_blocks.cidr_block");
        if (cidrs.Count > 0 && !cidrs.Any(NetworkExposure.IsWorld))
        {
            return Verdict.Pass(NotPubliclyExposed, $"master_authorized_networks_config restricts the control plane to {cidrs.Count} range(s).");
        }

        return a.Has("private_cluster_config") || a.Has("master_authorized_networks_config")
            ? Verdict.Fail(NotPubliclyExposed, "the control plane's public endpoint admits any address (no master_authorized_networks_config ranges).")
            : Verdict.NotReported(NotPubliclyExposed, "private_cluster_config");
    }
}
