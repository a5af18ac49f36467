using System.Text.Json;
using System.Text.Json.Nodes;
using IacPlatform.Inventory.Compliance;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Compliance;

/// <summary>
/// Every evaluated type, with each top-level attribute (and each attribute of a nested block) replaced in turn by
/// every odd JSON value: evaluation never throws and always answers the core checks with a known status.
/// </summary>
public sealed class ComplianceOddValueTests
{
    private static readonly Dictionary<string, string> Samples = new()
    {
        ["aws_instance"] = """{"monitoring": true, "public_ip": "", "associate_public_ip_address": false, "disable_api_termination": true, "root_block_device": [{"encrypted": true}], "ebs_block_device": [{"encrypted": true}]}""",
        ["aws_ebs_volume"] = """{"encrypted": true}""",
        ["aws_s3_bucket"] = """{"acl": "private", "server_side_encryption_configuration": [{"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}]}]}], "versioning": [{"enabled": true}], "logging": [{"target_bucket": "l"}], "public_access_block": {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true}}""",
        ["aws_security_group"] = """{"ingress": [{"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": []}]}""",
        ["aws_subnet"] = """{"map_public_ip_on_launch": false}""",
        ["aws_eks_cluster"] = """{"vpc_config": [{"endpoint_public_access": true, "public_access_cidrs": ["1.2.3.0/24"]}], "encryption_config": [{"resources": ["secrets"]}], "enabled_cluster_log_types": ["api"]}""",
        ["aws_eks_node_group"] = """{"remote_access": [{"ec2_ssh_key": "k", "source_security_group_ids": ["sg-1"]}]}""",
        ["azurerm_storage_account"] = """{"https_traffic_only_enabled": true, "min_tls_version": "TLS1_2", "allow_nested_items_to_be_public": false, "public_network_access_enabled": true, "customer_managed_key": [], "blob_properties": [{"versioning_enabled": true, "delete_retention_policy": [{"days": 7}]}]}""",
        ["azurerm_linux_virtual_machine"] = """{"encryption_at_host_enabled": true, "boot_diagnostics": [{}], "public_ip_address": "", "public_ip_addresses": [], "disable_password_authentication": true, "os_disk": [{"disk_encryption_set_id": ""}]}""",
        ["azurerm_windows_virtual_machine"] = """{"encryption_at_host_enabled": false, "boot_diagnostics": [], "public_ip_address": "1.2.3.4"}""",
        ["azurerm_virtual_machine"] = """{"boot_diagnostics": [{"enabled": true}]}""",
        ["azurerm_managed_disk"] = """{"network_access_policy": "DenyAll", "public_network_access_enabled": true, "disk_encryption_set_id": ""}""",
        ["azurerm_network_security_group"] = """{"security_rule": [{"name": "r", "direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "*", "source_address_prefixes": [], "destination_port_range": "22", "destination_port_ranges": []}]}""",
        ["azurerm_kubernetes_cluster"] = """{"private_cluster_enabled": false, "api_server_access_profile": [{"authorized_ip_ranges": ["1.2.3.0/24"]}], "key_management_service": [{"key_vault_key_id": "k"}], "oms_agent": [{}], "monitor_metrics": []}""",
        ["azurerm_kubernetes_cluster_node_pool"] = """{"node_public_ip_enabled": false}""",
        ["google_storage_bucket"] = """{"public_access_prevention": "enforced", "uniform_bucket_level_access": true, "versioning": [{"enabled": true}], "logging": [{"log_bucket": "l"}], "encryption": [{"default_kms_key_name": "k"}]}""",
        ["google_compute_instance"] = """{"deletion_protection": true, "network_interface": [{"access_config": [{"nat_ip": "1.2.3.4"}], "ipv6_access_config": []}], "boot_disk": [{"kms_key_self_link": ""}]}""",
        ["google_compute_disk"] = """{"resource_policies": ["p"], "disk_encryption_key": [{"kms_key_self_link": "k"}]}""",
        ["google_compute_firewall"] = """{"direction": "INGRESS", "disabled": false, "source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["22", "8000-9000"]}]}""",
        ["google_compute_subnetwork"] = """{"log_config": [{"aggregation_interval": "INTERVAL_5_SEC"}]}""",
        ["google_container_cluster"] = """{"private_cluster_config": [{"enable_private_endpoint": false}], "master_authorized_networks_config": [{"cidr_blocks": [{"cidr_block": "1.2.3.0/24"}]}], "database_encryption": [{"state": "ENCRYPTED"}], "monitoring_service": "none", "deletion_protection": true}""",
    };

    private static readonly string[] OddValues =
        ["null", "0", "-1", "1.5", "99999999999999999999", "\"\"", "\"x\"", "true", "false", "[]", "[null]", "[1]", "[[]]", "{}", "[{}]", "{\"a\": {\"b\": []}}"];

    public static TheoryData<string> Types() => [.. Samples.Keys];

    [Theory]
    [MemberData(nameof(Types))]
    public void Evaluate_EveryAttributeReplacedByOddValues_NeverThrows(string type)
    {
        var sample = JsonNode.Parse(Samples[type])!.AsObject();
        var evaluated = 0;
        foreach (var variant in Variants(sample))
        {
            using var document = JsonDocument.Parse(variant);
            var report = ComplianceEvaluator.Evaluate(type, document.RootElement, default);
            report.Checks.Take(4).Select(c => c.Name).ShouldBe(CheckNames.Core);
            report.Checks.ShouldAllBe(c => c.Status == ComplianceStatuses.Pass || c.Status == ComplianceStatuses.Fail
                || c.Status == ComplianceStatuses.NotApplicable);
            report.Checks.ShouldAllBe(c => c.Description.Length > 0);
            evaluated++;
        }

        evaluated.ShouldBeGreaterThanOrEqualTo(OddValues.Length * sample.Count);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"attributes\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void Evaluate_AttributesNotAnObject_FailsAsNotReportedInsteadOfThrowing(string attributes)
    {
        foreach (var type in Samples.Keys)
        {
            using var document = JsonDocument.Parse(attributes);
            using var tags = JsonDocument.Parse(attributes);
            Should.NotThrow(() => ComplianceEvaluator.Evaluate(type, document.RootElement, tags.RootElement));
        }
    }

    /// <summary>The sample with one attribute, top-level or one level into a block, replaced by each odd value.</summary>
    private static IEnumerable<string> Variants(JsonObject sample)
    {
        foreach (var (key, value) in sample.ToList())
        {
            foreach (var odd in OddValues)
            {
                var copy = sample.DeepClone().AsObject();
                copy[key] = JsonNode.Parse(odd);
                yield return copy.ToJsonString();
            }

            var block = value is JsonArray { Count: > 0 } list ? list[0] as JsonObject : value as JsonObject;
            foreach (var inner in block?.Select(p => p.Key).ToList() ?? [])
            {
                foreach (var odd in OddValues)
                {
                    var copy = sample.DeepClone().AsObject();
                    var target = copy[key] is JsonArray array ? array[0]!.AsObject() : copy[key]!.AsObject();
                    target[inner] = JsonNode.Parse(odd);
                    yield return copy.ToJsonString();
                }
            }
        }
    }
}
