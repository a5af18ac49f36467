using System.Text.Json.Nodes;
using Amazon.EC2.Model;

namespace IacPlatform.Inventory.Providers.Aws;

/// <summary>
/// EC2 answers as Terraform's aws_* resources: Terraform's ids and attribute names, absent strings as "" (as the
/// Terraform AWS provider writes them), sets sorted. Volatile counters (free IP addresses, timestamps) are left
/// out so an unchanged resource keeps its content hash.
/// </summary>
internal static class Ec2Resources
{
    public const string Instance = "aws_instance";
    public const string Vpc = "aws_vpc";
    public const string Subnet = "aws_subnet";
    public const string SecurityGroup = "aws_security_group";
    public const string Volume = "aws_ebs_volume";

    public static DiscoveredResource FromVpc(Vpc vpc, string region)
    {
        var tags = TerraformJson.Tags(vpc.Tags, tag => tag.Key, tag => tag.Value);
        var attributes = new JsonObject
        {
            ["id"] = vpc.VpcId,
            ["arn"] = Arn(region, vpc.OwnerId, "vpc", vpc.VpcId),
            ["cidr_block"] = vpc.CidrBlock ?? string.Empty,
            ["instance_tenancy"] = vpc.InstanceTenancy?.Value ?? "default",
            ["is_default"] = vpc.IsDefault ?? false,
            ["dhcp_options_id"] = vpc.DhcpOptionsId ?? string.Empty,
            ["owner_id"] = vpc.OwnerId ?? string.Empty,
            ["tags"] = TerraformJson.TagsObject(tags),
        };
        return new DiscoveredResource(Vpc, vpc.VpcId, TerraformJson.NameOr(tags, vpc.VpcId), region,
            TerraformJson.Status(vpc.State?.Value, "available"), tags, attributes);
    }

    public static DiscoveredResource FromSubnet(Subnet subnet, string region)
    {
        var tags = TerraformJson.Tags(subnet.Tags, tag => tag.Key, tag => tag.Value);
        var attributes = new JsonObject
        {
            ["id"] = subnet.SubnetId,
            ["arn"] = subnet.SubnetArn ?? Arn(region, subnet.OwnerId, "subnet", subnet.SubnetId),
            ["vpc_id"] = subnet.VpcId ?? string.Empty,
            ["cidr_block"] = subnet.CidrBlock ?? string.Empty,
            ["availability_zone"] = subnet.AvailabilityZone ?? string.Empty,
            ["availability_zone_id"] = subnet.AvailabilityZoneId ?? string.Empty,
            ["map_public_ip_on_launch"] = subnet.MapPublicIpOnLaunch ?? false,
            ["assign_ipv6_address_on_creation"] = subnet.AssignIpv6AddressOnCreation ?? false,
            ["owner_id"] = subnet.OwnerId ?? string.Empty,
            ["tags"] = TerraformJson.TagsObject(tags),
        };
        return new DiscoveredResource(Subnet, subnet.SubnetId, TerraformJson.NameOr(tags, subnet.SubnetId), region,
            TerraformJson.Status(subnet.State?.Value, "available"), tags, attributes);
    }

    public static DiscoveredResource FromSecurityGroup(SecurityGroup group, string region)
    {
        var tags = TerraformJson.Tags(group.Tags, tag => tag.Key, tag => tag.Value);
        var attributes = new JsonObject
        {
            ["id"] = group.GroupId,
            ["arn"] = group.SecurityGroupArn ?? Arn(region, group.OwnerId, "security-group", group.GroupId),
            ["name"] = group.GroupName ?? string.Empty,
            ["description"] = group.Description ?? string.Empty,
            ["vpc_id"] = group.VpcId ?? string.Empty,
            ["owner_id"] = group.OwnerId ?? string.Empty,
            ["ingress"] = SecurityGroupRules.ToTerraform(group.IpPermissions, group.GroupId),
            ["egress"] = SecurityGroupRules.ToTerraform(group.IpPermissionsEgress, group.GroupId),
            ["tags"] = TerraformJson.TagsObject(tags),
        };
        return new DiscoveredResource(SecurityGroup, group.GroupId, TerraformJson.NameOr(tags, group.GroupName ?? group.GroupId),
            region, "active", tags, attributes);
    }

    public static DiscoveredResource FromVolume(Volume volume, string region)
    {
        var tags = TerraformJson.Tags(volume.Tags, tag => tag.Key, tag => tag.Value);
        var attachments = new JsonArray([.. (volume.Attachments ?? [])
            .OrderBy(attachment => attachment.InstanceId, StringComparer.Ordinal)
            .Select(attachment => (JsonNode)new JsonObject
            {
                ["instance_id"] = attachment.InstanceId ?? string.Empty,
                ["device"] = attachment.Device ?? string.Empty,
            })]);
        var attributes = new JsonObject
        {
            ["id"] = volume.VolumeId,
            ["arn"] = volume.VolumeArn ?? Arn(region, volume.OwnerId, "volume", volume.VolumeId),
            ["availability_zone"] = volume.AvailabilityZone ?? string.Empty,
            ["size"] = volume.Size ?? 0,
            ["type"] = volume.VolumeType?.Value ?? string.Empty,
            ["encrypted"] = volume.Encrypted ?? false,
            ["iops"] = volume.Iops ?? 0,
            ["throughput"] = volume.Throughput ?? 0,
            ["kms_key_id"] = volume.KmsKeyId ?? string.Empty,
            ["snapshot_id"] = volume.SnapshotId ?? string.Empty,
            ["multi_attach_enabled"] = volume.MultiAttachEnabled ?? false,
            ["attachments"] = attachments,
            ["tags"] = TerraformJson.TagsObject(tags),
        };
        return new DiscoveredResource(Volume, volume.VolumeId, TerraformJson.NameOr(tags, volume.VolumeId), region,
            TerraformJson.Status(volume.State?.Value, "available"), tags, attributes);
    }

    /// <summary>An instance; its root volume's size, type and encryption come from the volumes listed before it.</summary>
    public static DiscoveredResource FromInstance(
        Instance instance, string? ownerId, string region, IReadOnlyDictionary<string, Volume> volumes)
    {
        var tags = TerraformJson.Tags(instance.Tags, tag => tag.Key, tag => tag.Value);
        var state = TerraformJson.Status(instance.State?.Name?.Value, "unknown");
        var monitoring = instance.Monitoring?.State?.Value;
        var attributes = new JsonObject
        {
            ["id"] = instance.InstanceId,
            ["arn"] = Arn(region, ownerId, "instance", instance.InstanceId),
            ["ami"] = instance.ImageId ?? string.Empty,
            ["instance_type"] = instance.InstanceType?.Value ?? string.Empty,
            ["availability_zone"] = instance.Placement?.AvailabilityZone ?? string.Empty,
            ["tenancy"] = instance.Placement?.Tenancy?.Value ?? "default",
            ["subnet_id"] = instance.SubnetId ?? string.Empty,
            ["vpc_security_group_ids"] = TerraformJson.SortedSet(instance.SecurityGroups?.Select(group => group.GroupId)),
            ["private_ip"] = instance.PrivateIpAddress ?? string.Empty,
            ["public_ip"] = instance.PublicIpAddress ?? string.Empty,
            ["private_dns"] = instance.PrivateDnsName ?? string.Empty,
            ["public_dns"] = instance.PublicDnsName ?? string.Empty,
            ["key_name"] = instance.KeyName ?? string.Empty,
            // As the Terraform provider reads it: pending counts as enabled.
            ["monitoring"] = monitoring is "enabled" or "pending",
            ["ebs_optimized"] = instance.EbsOptimized ?? false,
            ["source_dest_check"] = instance.SourceDestCheck ?? true,
            ["instance_state"] = state,
            ["root_block_device"] = RootBlockDevice(instance, volumes),
            ["tags"] = TerraformJson.TagsObject(tags),
        };
        return new DiscoveredResource(Instance, instance.InstanceId, TerraformJson.NameOr(tags, instance.InstanceId), region,
            state, tags, attributes);
    }

    private static JsonArray RootBlockDevice(Instance instance, IReadOnlyDictionary<string, Volume> volumes)
    {
        var root = instance.BlockDeviceMappings?.FirstOrDefault(mapping => mapping.DeviceName == instance.RootDeviceName);
        if (root?.Ebs?.VolumeId is not { } volumeId)
        {
            return [];
        }

        volumes.TryGetValue(volumeId, out var volume);
        return TerraformJson.Block(new JsonObject
        {
            ["device_name"] = root.DeviceName ?? string.Empty,
            ["volume_id"] = volumeId,
            ["delete_on_termination"] = root.Ebs.DeleteOnTermination ?? false,
            ["volume_size"] = volume?.Size ?? 0,
            ["volume_type"] = volume?.VolumeType?.Value ?? string.Empty,
            ["encrypted"] = volume?.Encrypted ?? false,
            ["iops"] = volume?.Iops ?? 0,
            ["throughput"] = volume?.Throughput ?? 0,
            ["kms_key_id"] = volume?.KmsKeyId ?? string.Empty,
        });
    }

    // Empty when the answer names no owner: an ARN without its account would match nothing in Terraform's state.
    private static string Arn(string region, string? ownerId, string kind, string id) =>
        string.IsNullOrEmpty(ownerId) ? string.Empty : $"arn:{AwsPartition.For(region).Name}:ec2:{region}:{ownerId}:{kind}/{id}";
}
