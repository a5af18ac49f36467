using System.Text.Json;
using static IacPlatform.Inventory.Compliance.CheckNames;

namespace IacPlatform.Inventory.Compliance;

/// <summary>Checks of AWS machines, volumes and buckets, read from Terraform's attribute names.</summary>
internal static class AwsChecks
{
    private static readonly string[] PublicAcls = ["public-read", "public-read-write", "authenticated-read"];

    private static readonly string[] PublicAccessBlockFlags =
        ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"];

    public static IEnumerable<ComplianceCheck> Instance(AttributeReader a, JsonElement tags)
    {
        yield return InstanceEncryption(a);
        yield return Verdict.BackupTag(tags, "aws_instance");
        yield return Verdict.Flag(MonitoringEnabled, a, "monitoring",
            "detailed CloudWatch monitoring is on", "only basic five-minute monitoring is on");
        yield return InstanceExposure(a);
        yield return Verdict.Flag(DeletionProtection, a, "disable_api_termination",
            "termination protection is on", "the instance can be terminated without protection");
    }

    public static IEnumerable<ComplianceCheck> EbsVolume(AttributeReader a, JsonElement tags)
    {
        yield return Verdict.Flag(EncryptionEnabled, a, "encrypted", "the volume is encrypted", "the volume is not encrypted");
        yield return Verdict.BackupTag(tags, "aws_ebs_volume");
    }

    public static IEnumerable<ComplianceCheck> S3Bucket(AttributeReader a)
    {
        const string Algorithm = "server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.sse_algorithm";
        if (!a.Has(Algorithm))
        {
            yield return Verdict.NotReported(EncryptionEnabled, "server_side_encryption_configuration");
        }
        else if (a.Values(Algorithm).Select(AttributeReader.AsString).FirstOrDefault(s => !string.IsNullOrEmpty(s)) is { } algorithm)
        {
            yield return Verdict.Pass(EncryptionEnabled, $"server_side_encryption_configuration sse_algorithm is {algorithm}: objects are encrypted by default.");
        }
        else
        {
            yield return Verdict.Fail(EncryptionEnabled, "server_side_encryption_configuration sets no sse_algorithm: objects are not encrypted by default.");
        }

        yield return Verdict.Flag(BackupEnabled, a, "versioning.enabled",
            "previous object versions are kept", "overwritten or deleted objects cannot be recovered");
        yield return Verdict.Configured(MonitoringEnabled, a, "logging", "logging.target_bucket",
            "server access logs are delivered", "no server access logs are kept");
        yield return S3Exposure(a);
    }

    private static ComplianceCheck InstanceEncryption(AttributeReader a)
    {
        var root = Verdict.Flag(EncryptionEnabled, a, "root_block_device.encrypted",
            "the root volume is encrypted", "the root volume is not encrypted");
        if (root.Status != ComplianceStatuses.Pass || a.Values("ebs_block_device.encrypted").Count == 0)
        {
            return root;
        }

        var ebs = Verdict.Flag(EncryptionEnabled, a, "ebs_block_device.encrypted",
            "every EBS volume is encrypted", "an attached EBS volume is not encrypted");
        return ebs.Status == ComplianceStatuses.Pass
            ? Verdict.Pass(EncryptionEnabled, "root_block_device.encrypted and ebs_block_device.encrypted are true: every volume is encrypted.")
            : ebs;
    }

    private static ComplianceCheck InstanceExposure(AttributeReader a)
    {
        if (a.First("public_ip") is { } ip && ip.ValueKind is not (JsonValueKind.Null or JsonValueKind.String))
        {
            return Verdict.Unexpected(NotPubliclyExposed, "public_ip", ip);
        }

        if (a.First("public_ip") is { ValueKind: JsonValueKind.String } address && !string.IsNullOrEmpty(address.GetString()))
        {
            return Verdict.Fail(NotPubliclyExposed, $"public_ip is {address.GetString()}: the instance has a public address.");
        }

        if (a.First("associate_public_ip_address") is { } associate && AttributeReader.AsBool(associate) == true)
        {
            return Verdict.Fail(NotPubliclyExposed, "associate_public_ip_address is true: the instance gets a public address.");
        }

        return a.Has("public_ip")
            ? Verdict.Pass(NotPubliclyExposed, "public_ip is empty: the instance has no public address.")
            : Verdict.NotReported(NotPubliclyExposed, "public_ip");
    }

    private static ComplianceCheck S3Exposure(AttributeReader a)
    {
        if (a.First("acl") is { } acl && AttributeReader.AsString(acl) is { } aclText && PublicAcls.Contains(aclText))
        {
            return Verdict.Fail(NotPubliclyExposed, $"acl is {aclText}: the bucket grants public access.");
        }

        if (!a.Has("public_access_block"))
        {
            return Verdict.Fail(NotPubliclyExposed,
                "public_access_block is not reported by the provider; the acl alone cannot rule out a public bucket policy.");
        }

        foreach (var flag in PublicAccessBlockFlags)
        {
            var path = "public_access_block." + flag;
            var value = a.First(path);
            if (value is not { } v || AttributeReader.AsBool(v) != true)
            {
                return Verdict.Fail(NotPubliclyExposed,
                    $"{path} is {(value is { } shown ? AttributeReader.Describe(shown) : "not reported")}: public access is not fully blocked.");
            }
        }

        return Verdict.Pass(NotPubliclyExposed, "public_access_block blocks public ACLs and policies: the bucket cannot be made public.");
    }
}
