using System.Text.Json;

namespace IacPlatform.Bench.Drift;

/// <summary>
/// An instance's attributes as the inventory's adapters report them: a subset, in their own order, sets sorted or
/// reversed, some numbers as strings, adapter-only keys; <see cref="GeneratedResource.Drift"/> applied.
/// </summary>
internal static class ObservedAttributes
{
    public static void Write(Utf8JsonWriter w, GeneratedResource r)
    {
        var a = r.Drift == DriftKind.AttributeA;
        var b = r.Drift == DriftKind.AttributeB;
        w.WriteStartObject();
        w.WriteString("id", r.NativeId);
        switch (r.Type)
        {
            case BenchType.AwsInstance:
                w.WriteString("arn", Values.Arn(r, "instance"));
                w.WriteString("ami", Values.Ami(r));
                w.WriteString("instance_type", a ? "m6i.4xlarge" : Values.InstanceType(r));
                w.WriteString("availability_zone", r.Region + "a");
                w.WriteString("tenancy", "default");
                w.WriteString("subnet_id", Values.Subnet(r));
                Values.WriteStrings(w, "vpc_security_group_ids", b ? [.. Values.SecurityGroups(r), "sg-rogue"] : Values.SecurityGroups(r).Reverse());
                w.WriteString("private_ip", $"10.0.{r.Index % 250}.{r.Index % 200}");
                w.WriteString("public_ip", "");
                w.WriteString("private_dns", $"ip-10-0-{r.Index % 250}-{r.Index % 200}.ec2.internal");
                w.WriteString("key_name", "deploy");
                w.WriteBoolean("monitoring", false);
                w.WriteBoolean("ebs_optimized", false);
                w.WriteBoolean("source_dest_check", true);
                w.WriteString("instance_state", "running");
                w.WriteStartArray("root_block_device");
                w.WriteStartObject();
                w.WriteString("device_name", "/dev/xvda");
                w.WriteString("volume_id", "vol-r" + r.NativeId[2..]);
                w.WriteBoolean("delete_on_termination", true);
                w.WriteNumber("volume_size", 8 + r.Pick(3, 4) * 8);
                w.WriteString("volume_type", "gp3");
                w.WriteBoolean("encrypted", true);
                WriteMaybeText(w, "iops", 3000, r);
                w.WriteNumber("throughput", 125);
                w.WriteString("kms_key_id", "");
                w.WriteEndObject();
                w.WriteEndArray();
                break;
            case BenchType.AwsSecurityGroup:
                w.WriteString("arn", Values.Arn(r, "security-group"));
                w.WriteString("name", r.Name);
                w.WriteString("description", b ? "Edited in the console" : "Managed by Terraform");
                w.WriteString("vpc_id", Values.Vpc(r));
                w.WriteString("owner_id", Values.Owner(r));
                w.WriteStartArray("ingress");
                var rules = Values.IngressRules(r);
                for (var i = rules.Length - 1; i >= 0; i--)
                {
                    var (protocol, port, cidrs) = rules[i];
                    Values.WriteRule(w, protocol, port, port, a && port == 22 ? ["0.0.0.0/0"] : [.. cidrs.Reverse()], description: false);
                }

                w.WriteEndArray();
                w.WriteStartArray("egress");
                Values.WriteRule(w, "-1", 0, 0, ["0.0.0.0/0"], description: false);
                w.WriteEndArray();
                break;
            case BenchType.AwsSubnet:
                w.WriteString("arn", Values.Arn(r, "subnet"));
                w.WriteString("vpc_id", Values.Vpc(r));
                w.WriteString("cidr_block", b ? "172.31.0.0/24" : Values.SubnetCidr(r));
                w.WriteString("availability_zone", r.Region + "b");
                w.WriteString("availability_zone_id", "use1-az2");
                w.WriteBoolean("map_public_ip_on_launch", a);
                w.WriteBoolean("assign_ipv6_address_on_creation", false);
                w.WriteString("owner_id", Values.Owner(r));
                break;
            case BenchType.AwsEbsVolume:
                w.WriteString("arn", Values.Arn(r, "volume"));
                w.WriteString("availability_zone", r.Region + "a");
                w.WriteNumber("size", Values.VolumeSize(r) + (a ? 100 : 0));
                w.WriteString("type", "gp3");
                w.WriteBoolean("encrypted", !b);
                WriteMaybeText(w, "iops", 3000, r);
                w.WriteNumber("throughput", 125);
                w.WriteString("kms_key_id", "");
                w.WriteString("snapshot_id", "");
                w.WriteBoolean("multi_attach_enabled", false);
                w.WriteStartArray("attachments");
                w.WriteStartObject();
                w.WriteString("instance_id", "i-attached");
                w.WriteString("device", "/dev/sdf");
                w.WriteEndObject();
                w.WriteEndArray();
                break;
            case BenchType.AwsS3Bucket:
                w.WriteString("arn", "arn:aws:s3:::" + r.NativeId);
                w.WriteString("bucket", r.NativeId);
                w.WriteString("region", r.Region);
                Values.WriteVersioning(w, !a);
                Values.WriteEncryption(w, b ? "aws:kms" : "AES256");
                break;
            case BenchType.AwsVpc:
                w.WriteString("arn", Values.Arn(r, "vpc"));
                w.WriteString("cidr_block", $"10.{r.Index % 250}.0.0/16");
                w.WriteString("instance_tenancy", b ? "dedicated" : "default");
                w.WriteBoolean("enable_dns_support", true);
                w.WriteBoolean("enable_dns_hostnames", !a);
                w.WriteString("owner_id", Values.Owner(r));
                w.WriteString("dhcp_options_id", "dopt-observed");
                break;
            case BenchType.AwsEksCluster:
                w.WriteString("arn", $"arn:aws:eks:{r.Region}:{Values.Owner(r)}:cluster/{r.NativeId}");
                w.WriteString("name", r.NativeId);
                w.WriteString("version", a ? "1.29" : "1.30");
                w.WriteString("role_arn", $"arn:aws:iam::{Values.Owner(r)}:role/eks-{r.Service}");
                w.WriteString("status", "UPDATING");
                w.WriteString("endpoint", $"https://{r.Index:X}.gr7.{r.Region}.eks.amazonaws.com");
                w.WriteString("platform_version", "eks.9");
                Values.WriteStrings(w, "enabled_cluster_log_types", ["authenticator", "audit", "api"]);
                Values.WriteVpcConfig(w, r, b ? ["0.0.0.0/0", "203.0.113.7/32"] : ["0.0.0.0/0"], reversed: true);
                break;
            case BenchType.AzureLinuxVm:
                w.WriteString("name", "vm-" + r.Index);
                w.WriteString("size", a ? "Standard_E16s_v5" : Values.VmSize(r));
                w.WriteNull("zone");
                w.WriteString("admin_username", "azureuser");
                w.WriteString("computer_name", "vm-" + r.Index);
                Values.WriteStrings(w, "network_interface_ids", [r.NativeId.Replace("virtualMachines/vm-", "networkInterfaces/nic-", StringComparison.Ordinal)]);
                Values.WriteOsDisk(w, r);
                Values.WriteImage(w);
                w.WriteBoolean("encryption_at_host_enabled", b);
                w.WriteBoolean("secure_boot_enabled", false);
                break;
            default:
                Values.WriteGoogleInstance(w, r, observed: true);
                break;
        }

        Values.WriteTags(w, r, observed: true);
        w.WriteEndObject();
    }

    // Some adapters hand numbers through as text; every seventh resource gets "3000" for 3000.
    private static void WriteMaybeText(Utf8JsonWriter w, string name, int value, GeneratedResource r)
    {
        if (r.Index % 7 == 0)
        {
            w.WriteString(name, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNumber(name, value);
        }
    }
}
