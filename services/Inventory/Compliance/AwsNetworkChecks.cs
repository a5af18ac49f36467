using System.Text.Json;
using static IacPlatform.Inventory.Compliance.CheckNames;

namespace IacPlatform.Inventory.Compliance;

/// <summary>Checks of AWS network and EKS types: security groups, subnets, clusters, node groups.</summary>
internal static class AwsNetworkChecks
{
    public static IEnumerable<ComplianceCheck> SecurityGroup(AttributeReader a)
    {
        if (a.First("ingress") is not { } ingress)
        {
            yield return Verdict.NotReported(NotPubliclyExposed, "ingress");
            yield break;
        }

        if (ingress.ValueKind is not (JsonValueKind.Array or JsonValueKind.Object or JsonValueKind.Null))
        {
            yield return Verdict.Unexpected(NotPubliclyExposed, "ingress", ingress);
            yield break;
        }

        foreach (var rule in a.Items("ingress"))
        {
            var entry = new AttributeReader(rule);
            var protocol = entry.First("protocol") is { } p ? AttributeReader.AsString(p) : null;
            if (NetworkExposure.IsIcmp(protocol))
            {
                continue;
            }

            var ports = NetworkExposure.IsAllProtocols(protocol)
                ? NetworkExposure.ParsePorts("*")
                : NetworkExposure.FromRange(entry.First("from_port"), entry.First("to_port"));
            var world = entry.Items("cidr_blocks").Concat(entry.Items("ipv6_cidr_blocks")).FirstOrDefault(NetworkExposure.IsWorld);
            if (world.ValueKind != JsonValueKind.Undefined && NetworkExposure.ReachesBeyondWeb(ports))
            {
                yield return Verdict.Fail(NotPubliclyExposed,
                    $"ingress allows {world.GetString()} on {protocol ?? "any protocol"} {NetworkExposure.Describe(ports)}.");
                yield break;
            }
        }

        yield return Verdict.Pass(NotPubliclyExposed, "ingress admits the internet on no port other than 80 and 443.");
    }

    public static IEnumerable<ComplianceCheck> Subnet(AttributeReader a)
    {
        yield return Verdict.Flag(NotPubliclyExposed, a, "map_public_ip_on_launch",
            "instances launched here get no public address", "instances launched here get a public address automatically",
            compliantWhen: false);
    }

    public static IEnumerable<ComplianceCheck> EksCluster(AttributeReader a)
    {
        yield return ClusterSecretsEncryption(a);
        yield return Verdict.Configured(MonitoringEnabled, a, "enabled_cluster_log_types", "enabled_cluster_log_types",
            "control-plane logs go to CloudWatch", "no control-plane logs are kept");
        yield return EksExposure(a);
    }

    public static IEnumerable<ComplianceCheck> EksNodeGroup(AttributeReader a)
    {
        var remote = a.Items("remote_access").Where(AttributeReader.IsConfigured).ToList();
        if (remote.Count == 0)
        {
            // Absent and [] mean the same here: no remote access block, the safe default.
            yield return Verdict.Pass(NotPubliclyExposed, "remote_access is not configured: the nodes accept no SSH.");
            yield break;
        }

        var access = new AttributeReader(remote[0]);
        var hasKey = access.First("ec2_ssh_key") is { } key && AttributeReader.IsConfigured(key);
        var sources = access.Items("source_security_group_ids").Where(AttributeReader.IsConfigured).ToList();
        yield return hasKey && sources.Count == 0
            ? Verdict.Fail(NotPubliclyExposed, "remote_access sets ec2_ssh_key without source_security_group_ids: SSH is open to 0.0.0.0/0.")
            : Verdict.Pass(NotPubliclyExposed, "remote_access limits SSH to source_security_group_ids.");
    }

    private static ComplianceCheck ClusterSecretsEncryption(AttributeReader a)
    {
        if (!a.Has("encryption_config"))
        {
            return Verdict.NotReported(EncryptionEnabled, "encryption_config");
        }

        return a.Items("encryption_config.resources").Any(r => AttributeReader.AsString(r) == "secrets")
            ? Verdict.Pass(EncryptionEnabled, "encryption_config.resources include secrets: secrets are envelope-encrypted with a KMS key.")
            : Verdict.Fail(EncryptionEnabled, "encryption_config does not cover secrets: they are not envelope-encrypted with a KMS key.");
    }

    private static ComplianceCheck EksExposure(AttributeReader a)
    {
        const string Public = "vpc_config.endpoint_public_access";
        if (a.First(Public) is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return Verdict.NotReported(NotPubliclyExposed, Public);
        }

        switch (AttributeReader.AsBool(value))
        {
            case null:
                return Verdict.Unexpected(NotPubliclyExposed, Public, value);
            case false:
                return Verdict.Pass(NotPubliclyExposed, $"{Public} is false: the API server has only a private endpoint.");
        }

        var cidrs = a.Items("vpc_config.public_access_cidrs");
        return cidrs.Count == 0 || cidrs.Any(NetworkExposure.IsWorld)
            ? Verdict.Fail(NotPubliclyExposed, $"{Public} is true and vpc_config.public_access_cidrs admit 0.0.0.0/0: the API server is open to the internet.")
            : Verdict.Pass(NotPubliclyExposed, $"vpc_config.public_access_cidrs restrict the public endpoint to {cidrs.Count} range(s).");
    }
}
