using System.Text.Json;

namespace IacPlatform.Bench.Drift;

/// <summary>An instance's <c>attributes</c> as the AWS/Azure/Google providers store them in a state (computed values included).</summary>
internal static class DesiredAttributes
{
    public static void Write(Utf8JsonWriter w, GeneratedResource r)
    {
        w.WriteStartObject();
        w.WriteString("id", r.NativeId);
        switch (r.Type)
        {
            case BenchType.AwsInstance:
                w.WriteString("ami", Values.Ami(r));
                w.WriteString("arn", Values.Arn(r, "instance"));
                w.WriteBoolean("associate_public_ip_address", false);
                w.WriteString("availability_zone", r.Region + "a");
                w.WriteNumber("cpu_core_count", 1);
                w.WriteNumber("cpu_threads_per_core", 2);
                w.WriteStartArray("credit_specification");
                w.WriteEndArray();
                w.WriteBoolean("disable_api_termination", false);
                w.WriteBoolean("ebs_optimized", false);
                w.WriteString("iam_instance_profile", "");
                w.WriteString("instance_state", "running");
                w.WriteString("instance_type", Values.InstanceType(r));
                w.WriteNumber("ipv6_address_count", 0);
                w.WriteString("key_name", "deploy");
                w.WriteStartArray("metadata_options");
                w.WriteStartObject();
                w.WriteString("http_endpoint", "enabled");
                w.WriteNumber("http_put_response_hop_limit", 1);
                w.WriteString("http_tokens", "required");
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteBoolean("monitoring", false);
                w.WriteString("primary_network_interface_id", "eni-" + r.NativeId[2..]);
                w.WriteString("private_dns", $"ip-10-0-{r.Index % 250}-{r.Index % 200}.ec2.internal");
                w.WriteString("private_ip", $"10.0.{r.Index % 250}.{r.Index % 200}");
                w.WriteString("public_dns", "");
                w.WriteString("public_ip", "");
                w.WriteStartArray("root_block_device");
                w.WriteStartObject();
                w.WriteBoolean("delete_on_termination", true);
                w.WriteString("device_name", "/dev/xvda");
                w.WriteBoolean("encrypted", true);
                w.WriteNumber("iops", 3000);
                w.WriteString("kms_key_id", "");
                w.WriteNull("tags");
                w.WriteNumber("throughput", 125);
                w.WriteString("volume_id", "vol-r" + r.NativeId[2..]);
                w.WriteNumber("volume_size", 8 + r.Pick(3, 4) * 8);
                w.WriteString("volume_type", "gp3");
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteBoolean("source_dest_check", true);
                w.WriteString("subnet_id", Values.Subnet(r));
                w.WriteString("tenancy", "default");
                w.WriteNull("timeouts");
                w.WriteNull("user_data");
                Values.WriteStrings(w, "vpc_security_group_ids", Values.SecurityGroups(r));
                break;
            case BenchType.AwsSecurityGroup:
                w.WriteString("arn", Values.Arn(r, "security-group"));
                w.WriteString("description", "Managed by Terraform");
                w.WriteStartArray("egress");
                Values.WriteRule(w, "-1", 0, 0, ["0.0.0.0/0"], description: true);
                w.WriteEndArray();
                w.WriteStartArray("ingress");
                foreach (var (protocol, port, cidrs) in Values.IngressRules(r))
                {
                    Values.WriteRule(w, protocol, port, port, cidrs, description: true);
                }

                w.WriteEndArray();
                w.WriteString("name", r.Name);
                w.WriteString("name_prefix", "");
                w.WriteString("owner_id", Values.Owner(r));
                w.WriteBoolean("revoke_rules_on_delete", false);
                w.WriteNull("timeouts");
                w.WriteString("vpc_id", Values.Vpc(r));
                break;
            case BenchType.AwsSubnet:
                w.WriteString("arn", Values.Arn(r, "subnet"));
                w.WriteBoolean("assign_ipv6_address_on_creation", false);
                w.WriteString("availability_zone", r.Region + "b");
                w.WriteString("availability_zone_id", "use1-az2");
                w.WriteString("cidr_block", Values.SubnetCidr(r));
                w.WriteString("customer_owned_ipv4_pool", "");
                w.WriteBoolean("enable_dns64", false);
                w.WriteString("ipv6_cidr_block", "");
                w.WriteString("ipv6_cidr_block_association_id", "");
                w.WriteBoolean("map_public_ip_on_launch", false);
                w.WriteString("owner_id", Values.Owner(r));
                w.WriteString("private_dns_hostname_type_on_launch", "ip-name");
                w.WriteNull("timeouts");
                w.WriteString("vpc_id", Values.Vpc(r));
                break;
            case BenchType.AwsEbsVolume:
                w.WriteString("arn", Values.Arn(r, "volume"));
                w.WriteString("availability_zone", r.Region + "a");
                w.WriteBoolean("encrypted", true);
                w.WriteBoolean("final_snapshot", false);
                w.WriteNumber("iops", 3000);
                w.WriteString("kms_key_id", "");
                w.WriteBoolean("multi_attach_enabled", false);
                w.WriteString("outpost_arn", "");
                w.WriteNumber("size", Values.VolumeSize(r));
                w.WriteString("snapshot_id", "");
                w.WriteNumber("throughput", 125);
                w.WriteNull("timeouts");
                w.WriteString("type", "gp3");
                break;
            case BenchType.AwsS3Bucket:
                w.WriteString("acceleration_status", "");
                w.WriteNull("acl");
                w.WriteString("arn", "arn:aws:s3:::" + r.NativeId);
                w.WriteString("bucket", r.NativeId);
                w.WriteString("bucket_domain_name", r.NativeId + ".s3.amazonaws.com");
                w.WriteString("bucket_prefix", "");
                w.WriteString("bucket_regional_domain_name", $"{r.NativeId}.s3.{r.Region}.amazonaws.com");
                w.WriteBoolean("force_destroy", false);
                w.WriteString("hosted_zone_id", "Z3AQBSTGFYJSTF");
                w.WriteBoolean("object_lock_enabled", false);
                w.WriteString("region", r.Region);
                w.WriteString("request_payer", "BucketOwner");
                Values.WriteEncryption(w, "AES256");
                Values.WriteVersioning(w, true);
                break;
            case BenchType.AwsVpc:
                w.WriteString("arn", Values.Arn(r, "vpc"));
                w.WriteBoolean("assign_generated_ipv6_cidr_block", false);
                w.WriteString("cidr_block", $"10.{r.Index % 250}.0.0/16");
                w.WriteString("default_network_acl_id", "acl-" + r.NativeId[4..]);
                w.WriteString("default_route_table_id", "rtb-" + r.NativeId[4..]);
                w.WriteString("default_security_group_id", "sg-d" + r.NativeId[4..]);
                w.WriteString("dhcp_options_id", "dopt-1");
                w.WriteBoolean("enable_dns_hostnames", true);
                w.WriteBoolean("enable_dns_support", true);
                w.WriteString("instance_tenancy", "default");
                w.WriteString("ipv6_cidr_block", "");
                w.WriteString("main_route_table_id", "rtb-" + r.NativeId[4..]);
                w.WriteString("owner_id", Values.Owner(r));
                break;
            case BenchType.AwsEksCluster:
                w.WriteString("arn", $"arn:aws:eks:{r.Region}:{Values.Owner(r)}:cluster/{r.NativeId}");
                w.WriteStartArray("certificate_authority");
                w.WriteStartObject();
                w.WriteString("data", "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t");
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteString("created_at", "2026-01-01T00:00:00Z");
                Values.WriteStrings(w, "enabled_cluster_log_types", ["api", "audit", "authenticator"]);
                w.WriteString("endpoint", $"https://{r.Index:X}.gr7.{r.Region}.eks.amazonaws.com");
                w.WriteString("name", r.NativeId);
                w.WriteString("platform_version", "eks.5");
                w.WriteString("role_arn", $"arn:aws:iam::{Values.Owner(r)}:role/eks-{r.Service}");
                w.WriteString("status", "ACTIVE");
                w.WriteString("version", "1.30");
                Values.WriteVpcConfig(w, r, ["0.0.0.0/0"], reversed: false);
                break;
            case BenchType.AzureLinuxVm:
                w.WriteString("admin_username", "azureuser");
                w.WriteString("computer_name", "vm-" + r.Index);
                w.WriteBoolean("encryption_at_host_enabled", false);
                w.WriteStartArray("identity");
                w.WriteEndArray();
                w.WriteString("location", "westeurope");
                w.WriteString("name", "vm-" + r.Index);
                Values.WriteStrings(w, "network_interface_ids", [r.NativeId.Replace("virtualMachines/vm-", "networkInterfaces/nic-", StringComparison.Ordinal)]);
                Values.WriteOsDisk(w, r);
                w.WriteString("private_ip_address", $"10.1.{r.Index % 250}.4");
                w.WriteString("public_ip_address", "");
                w.WriteString("resource_group_name", "rg-" + r.Service);
                w.WriteBoolean("secure_boot_enabled", false);
                w.WriteString("size", Values.VmSize(r));
                Values.WriteImage(w);
                w.WriteNull("timeouts");
                w.WriteString("virtual_machine_id", $"{r.Index:D8}-0000-0000-0000-000000000000");
                w.WriteString("zone", "");
                break;
            default:
                Values.WriteGoogleInstance(w, r, observed: false);
                break;
        }

        Values.WriteTags(w, r, observed: false);
        w.WriteEndObject();
    }
}
