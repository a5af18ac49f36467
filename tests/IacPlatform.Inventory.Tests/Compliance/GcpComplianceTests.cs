using Shouldly;
using static IacPlatform.Inventory.Compliance.CheckNames;
using static IacPlatform.Inventory.Compliance.ComplianceStatuses;
using static IacPlatform.Inventory.Tests.Compliance.ComplianceAssert;

namespace IacPlatform.Inventory.Tests.Compliance;

public sealed class GcpComplianceTests
{
    [Fact]
    public void StorageBucket_Hardened_IsCompliant()
    {
        var report = Evaluate("google_storage_bucket", """
            {"public_access_prevention": "enforced", "uniform_bucket_level_access": true,
             "versioning": [{"enabled": true}], "logging": [{"log_bucket": "audit"}],
             "encryption": [{"default_kms_key_name": "projects/p/locations/l/keyRings/r/cryptoKeys/k"}]}
            """);
        report.OverallStatus.ShouldBe(Compliant, string.Join("; ", report.Checks.Select(c => c.Description)));
        report.Check(EncryptionEnabled).ShouldHave(Pass, "default_kms_key_name is set");
        report.Check(NotPubliclyExposed).ShouldHave(Pass, "public_access_prevention is enforced");
        report.Check(UniformBucketLevelAccess).ShouldHave(Pass, "uniform_bucket_level_access");
    }

    [Fact]
    public void StorageBucket_Defaults_Fail()
    {
        var report = Evaluate("google_storage_bucket", """
            {"public_access_prevention": "inherited", "uniform_bucket_level_access": false, "versioning": [], "logging": []}
            """);
        report.Check(NotPubliclyExposed).ShouldHave(Fail, "public_access_prevention is inherited");
        report.Check(UniformBucketLevelAccess).ShouldHave(Fail, "uniform_bucket_level_access is false");
        report.Check(BackupEnabled).ShouldHave(Fail, "versioning.enabled is not set");
        report.Check(MonitoringEnabled).ShouldHave(Fail, "logging is not configured");
        report.Check(EncryptionEnabled).ShouldHave(Pass, "Google-managed");
        report.Score.ShouldBe(20);
    }

    [Fact]
    public void StorageBucket_OddPublicAccessPrevention_FailsAsUnexpected() =>
        Evaluate("google_storage_bucket", """{"public_access_prevention": {"x": 1}}""")
            .Check(NotPubliclyExposed).ShouldHave(Fail, "unexpected value (an object)");

    [Fact]
    public void ComputeInstance_ExternalIp_Fails()
    {
        var report = Evaluate("google_compute_instance", """
            {"deletion_protection": false,
             "network_interface": [{"network": "default", "access_config": []},
                                   {"network": "dmz", "access_config": [{"nat_ip": "34.1.2.3", "network_tier": "PREMIUM"}]}]}
            """);
        report.Check(NotPubliclyExposed).ShouldHave(Fail, "network_interface[1].access_config");
        report.Check(NotPubliclyExposed).Description.ShouldContain("34.1.2.3");
        report.Check(DeletionProtection).ShouldHave(Fail, "deletion_protection is false");
        report.Check(MonitoringEnabled).Status.ShouldBe(NotApplicable);
        report.Check(EncryptionEnabled).ShouldHave(Pass, "kms_key_self_link");
    }

    [Fact]
    public void ComputeInstance_InternalOnlyAndProtected_IsCompliant()
    {
        var report = Evaluate("google_compute_instance", """
            {"deletion_protection": true, "network_interface": [{"subnetwork": "s", "access_config": []}],
             "boot_disk": [{"kms_key_self_link": "projects/p/locations/l/keyRings/r/cryptoKeys/k"}]}
            """, """{"backup-policy": "daily"}""");
        report.OverallStatus.ShouldBe(Compliant, string.Join("; ", report.Checks.Select(c => c.Description)));
        report.Check(EncryptionEnabled).ShouldHave(Pass, "boot_disk.kms_key_self_link is set");
    }

    [Fact]
    public void ComputeInstance_Missing_FailsAsNotReported()
    {
        var report = Evaluate("google_compute_instance", "{}");
        report.Check(NotPubliclyExposed).ShouldHave(Fail, "network_interface is not reported");
        report.Check(DeletionProtection).ShouldHave(Fail, "deletion_protection is not reported");
    }

    [Theory]
    [InlineData("""{"resource_policies": ["projects/p/regions/r/resourcePolicies/daily"]}""", "{}", Pass)]
    [InlineData("""{"resource_policies": []}""", "{}", NotApplicable)]
    [InlineData("""{"resource_policies": []}""", """{"backup": "false"}""", Fail)]
    public void ComputeDisk_SnapshotScheduleOrTag_DecidesBackup(string attributes, string tags, string status) =>
        Evaluate("google_compute_disk", attributes, tags).Check(BackupEnabled).Status.ShouldBe(status);

    [Theory]
    [InlineData("""{"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["22"]}]}""", Fail, "port 22")]
    [InlineData("""{"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["80", "443"]}]}""", Pass, "no port other")]
    [InlineData("""{"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": []}]}""", Fail, "all ports")]
    [InlineData("""{"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "all"}]}""", Fail, "all ports")]
    [InlineData("""{"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "icmp"}]}""", Pass, "no port other")]
    [InlineData("""{"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["8000-8080"]}]}""", Fail, "ports 8000-8080")]
    [InlineData("""{"source_ranges": ["35.235.240.0/20"], "allow": [{"protocol": "tcp", "ports": ["22"]}]}""", Pass, "source_ranges")]
    [InlineData("""{"source_ranges": ["0.0.0.0/0"], "disabled": true, "allow": [{"protocol": "all"}]}""", Pass, "disabled is true")]
    [InlineData("""{"direction": "EGRESS", "destination_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "all"}]}""", Pass, "direction is EGRESS")]
    [InlineData("""{"allow": [{"protocol": "all"}]}""", Fail, "source_ranges is not reported")]
    [InlineData("""{"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": [22]}]}""", Fail, "port 22")]
    public void Firewall_WorldIngress_FailsOnPortsOtherThanWeb(string attributes, string status, string description) =>
        Evaluate("google_compute_firewall", attributes).Check(NotPubliclyExposed).ShouldHave(status, description);

    [Theory]
    [InlineData("""{"log_config": [{"aggregation_interval": "INTERVAL_5_SEC"}]}""", Pass)]
    [InlineData("""{"log_config": []}""", Fail)]
    [InlineData("""{}""", Fail)]
    public void Subnetwork_FlowLogs_DecideMonitoring(string attributes, string status) =>
        Evaluate("google_compute_subnetwork", attributes).Check(MonitoringEnabled).ShouldHave(status, "log_config");

    [Fact]
    public void ContainerCluster_Hardened_IsCompliant()
    {
        var report = Evaluate("google_container_cluster", """
            {"private_cluster_config": [{"enable_private_endpoint": true, "enable_private_nodes": true}],
             "database_encryption": [{"state": "ENCRYPTED", "key_name": "k"}],
             "monitoring_service": "monitoring.googleapis.com/kubernetes", "deletion_protection": true}
            """);
        report.OverallStatus.ShouldBe(Compliant, string.Join("; ", report.Checks.Select(c => c.Description)));
    }

    [Fact]
    public void ContainerCluster_PublicUnencryptedUnmonitored_Fails()
    {
        var report = Evaluate("google_container_cluster", """
            {"private_cluster_config": [], "master_authorized_networks_config": [],
             "database_encryption": [{"state": "DECRYPTED"}], "monitoring_service": "none", "deletion_protection": false}
            """);
        report.Check(NotPubliclyExposed).ShouldHave(Fail, "master_authorized_networks_config");
        report.Check(EncryptionEnabled).ShouldHave(Fail, "database_encryption.state is DECRYPTED");
        report.Check(MonitoringEnabled).ShouldHave(Fail, "monitoring_service is none");
        report.Check(DeletionProtection).ShouldHave(Fail, "deletion_protection");
        report.Score.ShouldBe(0);
    }

    [Fact]
    public void ContainerCluster_AuthorizedNetworks_PassExposure() =>
        Evaluate("google_container_cluster", """
            {"master_authorized_networks_config": [{"cidr_blocks": [{"cidr_block": "203.0.113.0/24", "display_name": "office"}]}]}
            """).Check(NotPubliclyExposed).ShouldHave(Pass, "master_authorized_networks_config");
}
