namespace IacPlatform.Inventory.Providers.Aws;

/// <summary>The AWS partition of a region: its ARN prefix and its endpoints' DNS suffix.</summary>
internal sealed record AwsPartition(string Name, string DnsSuffix)
{
    private static readonly AwsPartition Standard = new("aws", "amazonaws.com");
    private static readonly AwsPartition China = new("aws-cn", "amazonaws.com.cn");
    private static readonly AwsPartition GovCloud = new("aws-us-gov", "amazonaws.com");

    public static AwsPartition For(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? China
        : region.StartsWith("us-gov-", StringComparison.Ordinal) ? GovCloud
        : Standard;
}
