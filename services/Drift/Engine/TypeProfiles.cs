using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace IacPlatform.Drift.Engine;

/// <summary>
/// Per-type normalisation tables. Every type ignores <see cref="CommonIgnored"/> (ids, ARNs, owners, timestamps,
/// <c>timeouts</c>, fingerprints), keys ending <c>_at</c>/<c>_timestamp</c>, and treats lists under keys ending
/// <c>_ids</c>, <c>cidr_blocks</c> or <c>security_groups</c> as sets; the tables below add what each provider and
/// type computes, reads back differently, or stores as a set, and the defaults a null stands for.
/// </summary>
internal static class TypeProfiles
{
    public static readonly IReadOnlyList<string> CommonIgnored =
    [
        "id", "arn", "owner_id", "tags_all", "terraform_labels", "effective_labels", "timeouts", "unique_id",
        "create_date", "created_date", "creation_date", "create_time", "creation_time", "update_time", "last_updated",
        "etag", "self_link", "fingerprint", "label_fingerprint", "force_destroy",
    ];

    private static readonly ConcurrentDictionary<string, TypeProfile> Profiles = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, Table> Tables = new(StringComparer.Ordinal)
    {
        ["aws"] = new([], ["availability_zones", "ingress", "egress"], []),
        ["azurerm"] = new(["resource_guid", "guid"],
            ["address_space", "dns_servers", "security_rule", "address_prefixes", "source_address_prefixes",
                "destination_address_prefixes", "source_port_ranges", "destination_port_ranges", "zones"], []),
        ["google"] = new(["metadata_fingerprint", "tags_fingerprint", "instance_id", "cpu_platform", "current_status", "numeric_id"],
            ["source_ranges", "destination_ranges", "source_tags", "target_tags", "allow", "deny", "ports", "scopes"], []),
        ["aws_instance"] = new(
            ["primary_network_interface_id", "private_dns", "public_dns", "public_ip", "instance_state", "password_data",
                "get_password_data", "outpost_arn", "host_id", "host_resource_group_arn", "instance_lifecycle",
                "spot_instance_request_id", "placement_partition_number", "user_data", "user_data_base64",
                "user_data_replace_on_change", "launch_time", "cpu_core_count", "cpu_threads_per_core", "volume_id"],
            ["ebs_block_device", "ephemeral_block_device", "network_interface", "secondary_private_ips", "ipv6_addresses"],
            [("tenancy", "default"), ("source_dest_check", true), ("instance_initiated_shutdown_behavior", "stop")]),
        ["aws_s3_bucket"] = new(
            ["bucket_domain_name", "bucket_regional_domain_name", "hosted_zone_id", "region", "website_domain",
                "website_endpoint", "bucket_prefix"],
            ["grant", "permissions", "cors_rule"], [("acl", "private")]),
        ["aws_security_group"] = new(["revoke_rules_on_delete", "name_prefix"], ["ingress", "egress"], []),
        ["aws_vpc"] = new(
            ["default_network_acl_id", "default_route_table_id", "default_security_group_id", "main_route_table_id",
                "dhcp_options_id", "ipv6_association_id", "ipv6_cidr_block_network_border_group"],
            [], [("instance_tenancy", "default"), ("enable_dns_support", true)]),
        ["aws_subnet"] = new(["ipv6_cidr_block_association_id"], [],
            [("private_dns_hostname_type_on_launch", "ip-name")]),
        ["aws_ebs_volume"] = new(["final_snapshot"], [], []),
        ["aws_eks_cluster"] = new(
            ["certificate_authority", "endpoint", "identity", "platform_version", "status", "cluster_id"],
            ["enabled_cluster_log_types", "public_access_cidrs"], [("bootstrap_self_managed_addons", true)]),
        ["azurerm_linux_virtual_machine"] = new(
            ["virtual_machine_id", "private_ip_address", "private_ip_addresses", "public_ip_address", "public_ip_addresses"], [], []),
        ["azurerm_windows_virtual_machine"] = new(
            ["virtual_machine_id", "private_ip_address", "private_ip_addresses", "public_ip_address", "public_ip_addresses"], [], []),
        ["azurerm_kubernetes_cluster"] = new(["fqdn", "private_fqdn", "current_kubernetes_version", "kube_config", "kube_admin_config", "node_resource_group_id"], [], []),
        ["azurerm_storage_account"] = new(["primary_access_key", "secondary_access_key", "primary_connection_string", "secondary_connection_string"], [], []),
        ["google_compute_instance"] = new([], ["tags"], []),
        ["google_container_cluster"] = new(["endpoint", "master_version", "services_ipv4_cidr", "master_auth"], [], []),
    };

    public static TypeProfile For(string type) =>
        Profiles.TryGetValue(type, out var profile) ? profile : Profiles.GetOrAdd(type, Build(type));

    private static TypeProfile Build(string type)
    {
        var ignored = new HashSet<string>(CommonIgnored, StringComparer.Ordinal);
        var setLike = new HashSet<string>(StringComparer.Ordinal);
        var defaults = new Dictionary<string, JsonValue>(StringComparer.Ordinal);
        var underscore = type.IndexOf('_', StringComparison.Ordinal);
        foreach (var name in (string[])[underscore > 0 ? type[..underscore] : type, type])
        {
            if (Tables.TryGetValue(name, out var table))
            {
                ignored.UnionWith(table.Ignored);
                setLike.UnionWith(table.SetLike);
                foreach (var (key, value) in table.Defaults)
                {
                    defaults[key] = value is bool flag ? JsonValue.Create(flag) : JsonValue.Create((string)value);
                }
            }
        }

        return new TypeProfile(ignored.ToFrozenSet(StringComparer.Ordinal), setLike.ToFrozenSet(StringComparer.Ordinal),
            defaults.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private sealed record Table(string[] Ignored, string[] SetLike, (string Key, object Value)[] Defaults);
}
