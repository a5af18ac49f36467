using System.Text.Json.Nodes;

namespace IacPlatform.Inventory.Providers.Aws;

/// <summary>EKS answers as Terraform's aws_eks_cluster (id = name) and aws_eks_node_group (id = "cluster:node group").</summary>
internal static class EksResources
{
    public const string Cluster = "aws_eks_cluster";
    public const string NodeGroup = "aws_eks_node_group";

    public static DiscoveredResource FromCluster(EksCluster cluster, string region)
    {
        var tags = Tags(cluster.Tags);
        var vpc = cluster.ResourcesVpcConfig;
        var attributes = new JsonObject
        {
            ["id"] = cluster.Name,
            ["arn"] = cluster.Arn ?? string.Empty,
            ["name"] = cluster.Name,
            ["version"] = cluster.Version ?? string.Empty,
            ["platform_version"] = cluster.PlatformVersion ?? string.Empty,
            ["endpoint"] = cluster.Endpoint ?? string.Empty,
            ["role_arn"] = cluster.RoleArn ?? string.Empty,
            ["status"] = cluster.Status ?? string.Empty,
            ["vpc_config"] = TerraformJson.Block(new JsonObject
            {
                ["subnet_ids"] = TerraformJson.SortedSet(vpc?.SubnetIds),
                ["security_group_ids"] = TerraformJson.SortedSet(vpc?.SecurityGroupIds),
                ["cluster_security_group_id"] = vpc?.ClusterSecurityGroupId ?? string.Empty,
                ["vpc_id"] = vpc?.VpcId ?? string.Empty,
                ["endpoint_public_access"] = vpc?.EndpointPublicAccess ?? true,
                ["endpoint_private_access"] = vpc?.EndpointPrivateAccess ?? false,
                ["public_access_cidrs"] = TerraformJson.SortedSet(vpc?.PublicAccessCidrs),
            }),
            ["tags"] = TerraformJson.TagsObject(tags),
        };
        return new DiscoveredResource(Cluster, cluster.Name, cluster.Name, region,
            TerraformJson.Status(cluster.Status, "unknown"), tags, attributes);
    }

    public static DiscoveredResource FromNodeGroup(EksNodegroup group, string region)
    {
        var tags = Tags(group.Tags);
        var scaling = group.ScalingConfig;
        var labels = new JsonObject();
        foreach (var (key, value) in (group.Labels ?? []).OrderBy(label => label.Key, StringComparer.Ordinal))
        {
            labels[key] = value;
        }

        var attributes = new JsonObject
        {
            ["id"] = Id(group.ClusterName, group.NodegroupName),
            ["arn"] = group.NodegroupArn ?? string.Empty,
            ["cluster_name"] = group.ClusterName,
            ["node_group_name"] = group.NodegroupName,
            ["node_role_arn"] = group.NodeRole ?? string.Empty,
            ["version"] = group.Version ?? string.Empty,
            ["release_version"] = group.ReleaseVersion ?? string.Empty,
            ["status"] = group.Status ?? string.Empty,
            ["capacity_type"] = group.CapacityType ?? string.Empty,
            ["ami_type"] = group.AmiType ?? string.Empty,
            ["disk_size"] = group.DiskSize ?? 0,
            // A list in Terraform (the order is the launch preference), not a set.
            ["instance_types"] = TerraformJson.List(group.InstanceTypes),
            ["scaling_config"] = TerraformJson.Block(new JsonObject
            {
                ["desired_size"] = scaling?.DesiredSize ?? 0,
                ["min_size"] = scaling?.MinSize ?? 0,
                ["max_size"] = scaling?.MaxSize ?? 0,
            }),
            ["subnet_ids"] = TerraformJson.SortedSet(group.Subnets),
            ["labels"] = labels,
            ["tags"] = TerraformJson.TagsObject(tags),
        };
        return new DiscoveredResource(NodeGroup, Id(group.ClusterName, group.NodegroupName), group.NodegroupName, region,
            TerraformJson.Status(group.Status, "unknown"), tags, attributes);
    }

    /// <summary>Terraform's node group id, "cluster_name:node_group_name".</summary>
    public static string Id(string cluster, string nodeGroup) => $"{cluster}:{nodeGroup}";

    private static Dictionary<string, string> Tags(Dictionary<string, string>? tags) =>
        new(tags ?? [], StringComparer.Ordinal);
}
