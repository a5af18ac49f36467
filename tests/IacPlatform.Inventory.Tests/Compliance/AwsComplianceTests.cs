using IacPlatform.Inventory.Compliance;
using Shouldly;
using static IacPlatform.Inventory.Compliance.CheckNames;
using static IacPlatform.Inventory.Compliance.ComplianceStatuses;
using static IacPlatform.Inventory.Tests.Compliance.ComplianceAssert;

namespace IacPlatform.Inventory.Tests.Compliance;

public sealed class AwsComplianceTests
{
    private const string HardenedInstance = """
        {"instance_type": "t3.medium", "monitoring": true, "public_ip": "", "associate_public_ip_address": false,
         "disable_api_termination": true,
         "root_block_device": [{"volume_id": "vol-1", "encrypted": true}],
         "ebs_block_device": [{"device_name": "/dev/sdf", "encrypted": true}]}
        """;

    [Fact]
    public void Instance_Hardened_IsCompliant()
    {
        var report = Evaluate("aws_instance", HardenedInstance, """{"Backup": "daily"}""");
        report.OverallStatus.ShouldBe(Compliant, string.Join("; ", report.Checks.Select(c => c.Description)));
        report.Score.ShouldBe(100);
        report.Check(EncryptionEnabled).ShouldHave(Pass, "ebs_block_device.encrypted");
        report.Check(BackupEnabled).ShouldHave(Pass, "tag Backup");
        report.Check(MonitoringEnabled).ShouldHave(Pass, "monitoring");
        report.Check(NotPubliclyExposed).ShouldHave(Pass, "public_ip");
        report.Check(DeletionProtection).ShouldHave(Pass, "disable_api_termination");
    }

    [Fact]
    public void Instance_Defaults_FailWithTheDecidingAttribute()
    {
        var report = Evaluate("aws_instance", """
            {"monitoring": false, "public_ip": "54.123.45.67", "disable_api_termination": false,
             "root_block_device": [{"encrypted": false}]}
            """);
        report.Check(EncryptionEnabled).ShouldHave(Fail, "root_block_device.encrypted is false");
        report.Check(MonitoringEnabled).ShouldHave(Fail, "monitoring is false");
        report.Check(NotPubliclyExposed).ShouldHave(Fail, "54.123.45.67");
        report.Check(DeletionProtection).ShouldHave(Fail, "disable_api_termination is false");
        report.Check(BackupEnabled).Status.ShouldBe(NotApplicable);
        report.Score.ShouldBe(0);
        report.OverallStatus.ShouldBe(NonCompliant);
    }

    [Fact]
    public void Instance_UnencryptedExtraVolume_Fails()
    {
        var report = Evaluate("aws_instance", """
            {"root_block_device": [{"encrypted": true}], "ebs_block_device": [{"encrypted": true}, {"encrypted": false}]}
            """);
        report.Check(EncryptionEnabled).ShouldHave(Fail, "ebs_block_device.encrypted is false");
    }

    [Fact]
    public void Instance_AssociatePublicIp_FailsEvenWithoutAnAddressYet()
    {
        var report = Evaluate("aws_instance", """{"associate_public_ip_address": true}""");
        report.Check(NotPubliclyExposed).ShouldHave(Fail, "associate_public_ip_address");
    }

    [Fact]
    public void Instance_MissingAttributes_FailAsNotReported()
    {
        var report = Evaluate("aws_instance", "{}");
        report.Check(EncryptionEnabled).ShouldHave(Fail, "root_block_device.encrypted is not reported by the provider");
        report.Check(MonitoringEnabled).ShouldHave(Fail, "monitoring is not reported");
        report.Check(NotPubliclyExposed).ShouldHave(Fail, "public_ip is not reported");
        report.Check(DeletionProtection).ShouldHave(Fail, "disable_api_termination is not reported");
    }

    [Theory]
    [InlineData("""{"monitoring": "true"}""", Pass)]
    [InlineData("""{"monitoring": "False"}""", Fail)]
    [InlineData("""{"monitoring": 1}""", Fail)]
    [InlineData("""{"monitoring": {"enabled": true}}""", Fail)]
    [InlineData("""{"monitoring": null}""", Fail)]
    [InlineData("""{"monitoring": [true]}""", Pass)]
    public void Instance_OddMonitoringValues_AreReadOrRefused(string attributes, string status) =>
        Evaluate("aws_instance", attributes).Check(MonitoringEnabled).ShouldHave(status, "monitoring");

    [Theory]
    [InlineData("""{"public_ip": 12}""", "unexpected value (12)")]
    [InlineData("""{"public_ip": null}""", "public_ip is empty")]
    public void Instance_OddPublicIp_IsHandled(string attributes, string description) =>
        Evaluate("aws_instance", attributes).Check(NotPubliclyExposed).Description.ShouldContain(description);

    [Theory]
    [InlineData("""{"encrypted": true}""", Pass)]
    [InlineData("""{"encrypted": false}""", Fail)]
    [InlineData("""{}""", Fail)]
    public void EbsVolume_Encrypted_Decides(string attributes, string status)
    {
        var report = Evaluate("aws_ebs_volume", attributes);
        report.Check(EncryptionEnabled).ShouldHave(status, "encrypted");
        report.Check(NotPubliclyExposed).Status.ShouldBe(NotApplicable);
        report.Check(MonitoringEnabled).Status.ShouldBe(NotApplicable);
    }

    [Theory]
    [InlineData("""{"backup": "no"}""", Fail)]
    [InlineData("""{"aws-backup-plan": "gold"}""", Pass)]
    [InlineData("""{"team": "platform"}""", NotApplicable)]
    public void EbsVolume_BackupTag_Decides(string tags, string status) =>
        Evaluate("aws_ebs_volume", """{"encrypted": true}""", tags).Check(BackupEnabled).Status.ShouldBe(status);

    [Fact]
    public void S3Bucket_Hardened_IsCompliant()
    {
        var report = Evaluate("aws_s3_bucket", """
            {"bucket": "logs", "acl": "private",
             "server_side_encryption_configuration": [{"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms"}]}]}],
             "versioning": [{"enabled": true, "mfa_delete": false}],
             "logging": [{"target_bucket": "audit-logs", "target_prefix": "s3/"}],
             "public_access_block": {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true}}
            """);
        report.OverallStatus.ShouldBe(Compliant, string.Join("; ", report.Checks.Select(c => c.Description)));
        report.Check(EncryptionEnabled).ShouldHave(Pass, "aws:kms");
        report.Check(BackupEnabled).ShouldHave(Pass, "versioning.enabled");
        report.Check(MonitoringEnabled).ShouldHave(Pass, "audit-logs");
        report.Check(NotPubliclyExposed).ShouldHave(Pass, "public_access_block");
    }

    [Fact]
    public void S3Bucket_PublicAndUnconfigured_Fails()
    {
        var report = Evaluate("aws_s3_bucket", """
            {"acl": "public-read", "server_side_encryption_configuration": [], "versioning": [{"enabled": false}], "logging": []}
            """);
        report.Check(EncryptionEnabled).ShouldHave(Fail, "sse_algorithm");
        report.Check(BackupEnabled).ShouldHave(Fail, "versioning.enabled is false");
        report.Check(MonitoringEnabled).ShouldHave(Fail, "logging is not configured");
        report.Check(NotPubliclyExposed).ShouldHave(Fail, "acl is public-read");
    }

    [Fact]
    public void S3Bucket_PartialPublicAccessBlock_FailsNamingTheFlag()
    {
        var report = Evaluate("aws_s3_bucket", """
            {"public_access_block": [{"block_public_acls": true, "block_public_policy": false, "ignore_public_acls": true, "restrict_public_buckets": true}]}
            """);
        report.Check(NotPubliclyExposed).ShouldHave(Fail, "public_access_block.block_public_policy is false");
    }

    [Fact]
    public void S3Bucket_Missing_FailsAsNotReported()
    {
        var report = Evaluate("aws_s3_bucket", """{"acl": "private"}""");
        report.Check(EncryptionEnabled).ShouldHave(Fail, "server_side_encryption_configuration is not reported");
        report.Check(BackupEnabled).ShouldHave(Fail, "versioning.enabled is not reported");
        report.Check(MonitoringEnabled).ShouldHave(Fail, "logging is not reported");
        report.Check(NotPubliclyExposed).ShouldHave(Fail, "public_access_block is not reported");
    }

    [Theory]
    [InlineData("""{"ingress": []}""", Pass, "ingress admits")]
    [InlineData("""{"ingress": [{"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}, {"from_port": 80, "to_port": 80, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}]}""", Pass, "ingress admits")]
    [InlineData("""{"ingress": [{"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}]}""", Fail, "port 22")]
    [InlineData("""{"ingress": [{"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["10.0.0.0/8"]}]}""", Pass, "ingress admits")]
    [InlineData("""{"ingress": [{"from_port": 3389, "to_port": 3389, "protocol": "tcp", "cidr_blocks": [], "ipv6_cidr_blocks": ["::/0"]}]}""", Fail, "::/0")]
    [InlineData("""{"ingress": [{"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"]}]}""", Fail, "all ports")]
    [InlineData("""{"ingress": [{"from_port": 80, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}]}""", Fail, "ports 80-443")]
    [InlineData("""{"ingress": [{"from_port": -1, "to_port": -1, "protocol": "icmp", "cidr_blocks": ["0.0.0.0/0"]}]}""", Pass, "ingress admits")]
    [InlineData("""{"ingress": [{"from_port": "22", "to_port": "x", "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}]}""", Fail, "all ports")]
    [InlineData("""{"ingress": "open"}""", Fail, "unexpected value")]
    [InlineData("""{"egress": []}""", Fail, "ingress is not reported")]
    public void SecurityGroup_WorldIngress_FailsOnPortsOtherThanWeb(string attributes, string status, string description) =>
        Evaluate("aws_security_group", attributes).Check(NotPubliclyExposed).ShouldHave(status, description);

    [Theory]
    [InlineData("""{"map_public_ip_on_launch": false}""", Pass)]
    [InlineData("""{"map_public_ip_on_launch": true}""", Fail)]
    public void Subnet_MapPublicIpOnLaunch_Decides(string attributes, string status) =>
        Evaluate("aws_subnet", attributes).Check(NotPubliclyExposed).ShouldHave(status, "map_public_ip_on_launch");

    [Fact]
    public void EksCluster_Hardened_IsCompliant()
    {
        var report = Evaluate("aws_eks_cluster", """
            {"vpc_config": [{"endpoint_public_access": true, "public_access_cidrs": ["203.0.113.0/24"]}],
             "encryption_config": [{"resources": ["secrets"], "provider": [{"key_arn": "arn:aws:kms:..."}]}],
             "enabled_cluster_log_types": ["api", "audit"]}
            """);
        report.OverallStatus.ShouldBe(Compliant, string.Join("; ", report.Checks.Select(c => c.Description)));
        report.Check(NotPubliclyExposed).ShouldHave(Pass, "public_access_cidrs");
        report.Check(MonitoringEnabled).ShouldHave(Pass, "\"api\"");
    }

    [Fact]
    public void EksCluster_OpenAndUnencrypted_Fails()
    {
        var report = Evaluate("aws_eks_cluster", """
            {"vpc_config": {"endpoint_public_access": true, "public_access_cidrs": ["0.0.0.0/0"]},
             "encryption_config": [], "enabled_cluster_log_types": []}
            """);
        report.Check(NotPubliclyExposed).ShouldHave(Fail, "vpc_config.endpoint_public_access is true");
        report.Check(EncryptionEnabled).ShouldHave(Fail, "encryption_config");
        report.Check(MonitoringEnabled).ShouldHave(Fail, "enabled_cluster_log_types is not configured");
    }

    [Fact]
    public void EksCluster_PrivateEndpointOnly_Passes() =>
        Evaluate("aws_eks_cluster", """{"vpc_config": [{"endpoint_public_access": false}]}""")
            .Check(NotPubliclyExposed).ShouldHave(Pass, "endpoint_public_access is false");

    [Theory]
    [InlineData("""{}""", Pass, "remote_access is not configured")]
    [InlineData("""{"remote_access": []}""", Pass, "remote_access is not configured")]
    [InlineData("""{"remote_access": [{"ec2_ssh_key": "ops", "source_security_group_ids": []}]}""", Fail, "0.0.0.0/0")]
    [InlineData("""{"remote_access": [{"ec2_ssh_key": "ops", "source_security_group_ids": ["sg-1"]}]}""", Pass, "source_security_group_ids")]
    public void EksNodeGroup_RemoteAccess_Decides(string attributes, string status, string description) =>
        Evaluate("aws_eks_node_group", attributes).Check(NotPubliclyExposed).ShouldHave(status, description);
}
