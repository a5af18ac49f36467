namespace IacPlatform.Inventory.Providers.Aws;

// The EKS REST answers this adapter reads (JSON, camelCase), trimmed to the members it maps.

internal sealed record EksClusterPage(List<string>? Clusters, string? NextToken);

internal sealed record EksClusterAnswer(EksCluster? Cluster);

internal sealed record EksCluster(
    string Name, string? Arn, string? Version, string? Endpoint, string? RoleArn, string? Status, string? PlatformVersion,
    EksVpcConfig? ResourcesVpcConfig, Dictionary<string, string>? Tags);

internal sealed record EksVpcConfig(
    List<string>? SubnetIds, List<string>? SecurityGroupIds, string? ClusterSecurityGroupId, string? VpcId,
    bool? EndpointPublicAccess, bool? EndpointPrivateAccess, List<string>? PublicAccessCidrs);

internal sealed record EksNodegroupPage(List<string>? Nodegroups, string? NextToken);

internal sealed record EksNodegroupAnswer(EksNodegroup? Nodegroup);

internal sealed record EksNodegroup(
    string NodegroupName, string? NodegroupArn, string ClusterName, string? Version, string? ReleaseVersion, string? Status,
    string? CapacityType, string? AmiType, string? NodeRole, int? DiskSize, EksScalingConfig? ScalingConfig,
    List<string>? InstanceTypes, List<string>? Subnets, Dictionary<string, string>? Labels, Dictionary<string, string>? Tags);

internal sealed record EksScalingConfig(int? MinSize, int? MaxSize, int? DesiredSize);

internal sealed record EksTagRequest(IReadOnlyDictionary<string, string> Tags);
