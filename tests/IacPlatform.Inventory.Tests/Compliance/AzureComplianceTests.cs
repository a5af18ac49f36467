using Shouldly;
using static IacPlatform.Inventory.Compliance.CheckNames;
using static IacPlatform.Inventory.Compliance.ComplianceStatuses;
using static IacPlatform.Inventory.Tests.Compliance.ComplianceAssert;

namespace IacPlatform.Inventory.Tests.Compliance;

public sealed class AzureComplianceTests
{
    [Fact]
    public void StorageAccount_Hardened_IsCompliant()
    {
        var report = Evaluate("azurerm_storage_account", """
            {"https_traffic_only_enabled": true, "min_tls_version": "TLS1_2", "allow_nested_items_to_be_public": false,
             "public_network_access_enabled": true,
             "blob_properties": [{"versioning_enabled": false, "delete_retention_policy": [{"days": 7}]}]}
            """);
        report.OverallStatus.ShouldBe(Compliant, string.Join("; ", report.Checks.Select(c => c.Description)));
        report.Check(EncryptionEnabled).ShouldHave(Pass, "customer_managed_key");
        report.Check(BackupEnabled).ShouldHave(Pass, "delete_retention_policy.days is 7");
        report.Check(MonitoringEnabled).Status.ShouldBe(NotApplicable);
        report.Check(NotPubliclyExposed).ShouldHave(Pass, "allow_nested_items_to_be_public is false");
        report.Check(HttpsOnly).ShouldHave(Pass, "https_traffic_only_enabled");
        report.Check(MinTlsVersion).ShouldHave(Pass, "TLS1_2");
    }

    [Fact]
    public void StorageAccount_LegacyNamesAndWeakSettings_Fail()
    {
        var report = Evaluate("azurerm_storage_account", """
            {"enable_https_traffic_only": false, "min_tls_version": "TLS1_0", "allow_blob_public_access": true,
             "blob_properties": []}
            """);
        report.Check(HttpsOnly).ShouldHave(Fail, "enable_https_traffic_only is false");
        report.Check(MinTlsVersion).ShouldHave(Fail, "TLS1_0");
        report.Check(NotPubliclyExposed).ShouldHave(Fail, "allow_blob_public_access is true");
        report.Check(BackupEnabled).ShouldHave(Fail, "delete_retention_policy");
        report.Score.ShouldBe(20);
    }

    [Fact]
    public void StorageAccount_PrivateNetworkOnly_PassesExposure() =>
        Evaluate("azurerm_storage_account", """{"public_network_access_enabled": false, "allow_nested_items_to_be_public": true}""")
            .Check(NotPubliclyExposed).ShouldHave(Pass, "public_network_access_enabled is false");

    [Theory]
    [InlineData("""{}""", "min_tls_version is not reported")]
    [InlineData("""{"min_tls_version": 1.2}""", "unexpected value (1.2)")]
    [InlineData("""{"min_tls_version": "SSL3"}""", "unexpected value")]
    public void StorageAccount_MissingOrOddTls_Fails(string attributes, string description) =>
        Evaluate("azurerm_storage_account", attributes).Check(MinTlsVersion).ShouldHave(Fail, description);

    [Fact]
    public void StorageAccount_Missing_FailsAsNotReported()
    {
        var report = Evaluate("azurerm_storage_account", "{}");
        report.Check(HttpsOnly).ShouldHave(Fail, "https_traffic_only_enabled is not reported");
        report.Check(NotPubliclyExposed).ShouldHave(Fail, "allow_nested_items_to_be_public is not reported");
        report.Check(BackupEnabled).ShouldHave(Fail, "blob_properties is not reported");
    }

    [Fact]
    public void LinuxVm_Hardened_IsCompliant()
    {
        var report = Evaluate("azurerm_linux_virtual_machine", """
            {"encryption_at_host_enabled": true, "boot_diagnostics": [{"storage_account_uri": null}],
             "public_ip_address": "", "public_ip_addresses": [], "disable_password_authentication": true,
             "os_disk": [{"name": "vm1-osdisk", "disk_encryption_set_id": ""}]}
            """, """{"backup": "vault-daily"}""");
        report.OverallStatus.ShouldBe(Compliant, string.Join("; ", report.Checks.Select(c => c.Description)));
        report.Check(EncryptionEnabled).ShouldHave(Pass, "encryption_at_host_enabled");
        report.Check(MonitoringEnabled).ShouldHave(Pass, "boot_diagnostics");
        report.Check(NotPubliclyExposed).ShouldHave(Pass, "public_ip_address");
        report.Check(PasswordAuthenticationDisabled).ShouldHave(Pass, "disable_password_authentication");
    }

    [Fact]
    public void WindowsVm_PublicAndUnencrypted_Fails()
    {
        var report = Evaluate("azurerm_windows_virtual_machine", """
            {"encryption_at_host_enabled": false, "boot_diagnostics": [], "public_ip_address": "20.1.2.3", "os_disk": [{}]}
            """);
        report.Check(EncryptionEnabled).ShouldHave(Fail, "encryption_at_host_enabled is false");
        report.Check(MonitoringEnabled).ShouldHave(Fail, "boot_diagnostics is not enabled");
        report.Check(NotPubliclyExposed).ShouldHave(Fail, "20.1.2.3");
        report.Checks.ShouldNotContain(c => c.Name == PasswordAuthenticationDisabled);
    }

    [Fact]
    public void Vm_DiskEncryptionSet_PassesEncryption() =>
        Evaluate("azurerm_linux_virtual_machine", """{"os_disk": [{"disk_encryption_set_id": "/subscriptions/s/des"}]}""")
            .Check(EncryptionEnabled).ShouldHave(Pass, "disk_encryption_set_id");

    [Fact]
    public void LegacyVm_BootDiagnosticsDisabled_FailsAndExposureIsNotApplicable()
    {
        var report = Evaluate("azurerm_virtual_machine", """{"boot_diagnostics": [{"enabled": false, "storage_uri": "x"}]}""");
        report.Check(MonitoringEnabled).ShouldHave(Fail, "boot_diagnostics");
        report.Check(NotPubliclyExposed).ShouldHave(NotApplicable, "network interfaces");
    }

    [Theory]
    [InlineData("""{"network_access_policy": "AllowAll"}""", Fail, "AllowAll")]
    [InlineData("""{"network_access_policy": "DenyAll"}""", Pass, "DenyAll")]
    [InlineData("""{"network_access_policy": "AllowAll", "public_network_access_enabled": false}""", Pass, "public_network_access_enabled")]
    [InlineData("""{}""", Fail, "network_access_policy is not reported")]
    [InlineData("""{"network_access_policy": ["AllowAll"]}""", Fail, "unexpected value")]
    public void ManagedDisk_NetworkAccessPolicy_Decides(string attributes, string status, string description)
    {
        var report = Evaluate("azurerm_managed_disk", attributes);
        report.Check(NotPubliclyExposed).ShouldHave(status, description);
        report.Check(EncryptionEnabled).ShouldHave(Pass, "disk_encryption_set_id");
    }

    [Theory]
    [InlineData("""{"security_rule": []}""", Pass, "security_rule admits")]
    [InlineData("""{"security_rule": [{"name": "ssh", "direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "*", "destination_port_range": "22"}]}""", Fail, "\"ssh\" allows * inbound on port 22")]
    [InlineData("""{"security_rule": [{"name": "rdp", "direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "", "source_address_prefixes": ["Internet"], "destination_port_range": "", "destination_port_ranges": ["443", "3389"]}]}""", Fail, "port 3389")]
    [InlineData("""{"security_rule": [{"name": "web", "direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "0.0.0.0/0", "destination_port_ranges": ["80", "443"]}]}""", Pass, "security_rule admits")]
    [InlineData("""{"security_rule": [{"name": "deny", "direction": "Inbound", "access": "Deny", "protocol": "*", "source_address_prefix": "*", "destination_port_range": "*"}]}""", Pass, "security_rule admits")]
    [InlineData("""{"security_rule": [{"name": "out", "direction": "Outbound", "access": "Allow", "protocol": "*", "source_address_prefix": "*", "destination_port_range": "*"}]}""", Pass, "security_rule admits")]
    [InlineData("""{"security_rule": [{"name": "vnet", "direction": "Inbound", "access": "Allow", "protocol": "*", "source_address_prefix": "VirtualNetwork", "destination_port_range": "*"}]}""", Pass, "security_rule admits")]
    [InlineData("""{"security_rule": [{"name": "any", "direction": "Inbound", "access": "Allow", "protocol": "*", "source_address_prefix": "Internet"}]}""", Fail, "all ports")]
    [InlineData("""{}""", Fail, "security_rule is not reported")]
    public void NetworkSecurityGroup_InternetInbound_FailsOnPortsOtherThanWeb(string attributes, string status, string description) =>
        Evaluate("azurerm_network_security_group", attributes).Check(NotPubliclyExposed).ShouldHave(status, description);

    [Fact]
    public void KubernetesCluster_PrivateWithKmsAndMonitoring_IsCompliant()
    {
        var report = Evaluate("azurerm_kubernetes_cluster", """
            {"private_cluster_enabled": true, "key_management_service": [{"key_vault_key_id": "https://kv/keys/k/1"}],
             "oms_agent": [{"log_analytics_workspace_id": "/subscriptions/s/workspaces/w"}]}
            """);
        report.OverallStatus.ShouldBe(Compliant, string.Join("; ", report.Checks.Select(c => c.Description)));
    }

    [Theory]
    [InlineData("""{"private_cluster_enabled": false, "api_server_access_profile": [{"authorized_ip_ranges": ["198.51.100.0/24"]}]}""", Pass, "authorized_ip_ranges")]
    [InlineData("""{"private_cluster_enabled": false, "api_server_access_profile": []}""", Fail, "private_cluster_enabled is false")]
    [InlineData("""{"private_cluster_enabled": false, "api_server_authorized_ip_ranges": ["0.0.0.0/0"]}""", Fail, "open to the internet")]
    [InlineData("""{}""", Fail, "private_cluster_enabled is not reported")]
    public void KubernetesCluster_ApiServer_Exposure(string attributes, string status, string description) =>
        Evaluate("azurerm_kubernetes_cluster", attributes).Check(NotPubliclyExposed).ShouldHave(status, description);

    [Fact]
    public void KubernetesCluster_NoKmsNoMonitoring_Fails()
    {
        var report = Evaluate("azurerm_kubernetes_cluster", """{"key_management_service": [], "oms_agent": []}""");
        report.Check(EncryptionEnabled).ShouldHave(Fail, "key_management_service is not configured");
        report.Check(MonitoringEnabled).ShouldHave(Fail, "oms_agent");
    }

    [Theory]
    [InlineData("""{"node_public_ip_enabled": true}""", Fail)]
    [InlineData("""{"enable_node_public_ip": false}""", Pass)]
    public void KubernetesNodePool_NodePublicIp_Decides(string attributes, string status) =>
        Evaluate("azurerm_kubernetes_cluster_node_pool", attributes).Check(NotPubliclyExposed).ShouldHave(status, "public_ip");
}
