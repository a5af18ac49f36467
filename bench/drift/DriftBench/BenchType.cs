namespace IacPlatform.Bench.Drift;

/// <summary>The Terraform types the fleet is made of, with their share of instances (per mille) and provider.</summary>
internal enum BenchType
{
    AwsInstance,
    AwsSecurityGroup,
    AwsSubnet,
    AwsEbsVolume,
    AwsS3Bucket,
    AwsVpc,
    AwsEksCluster,
    AzureLinuxVm,
    GoogleInstance,
}

internal static class BenchTypes
{
    public static readonly (BenchType Type, int PerMille)[] Mix =
    [
        (BenchType.AwsInstance, 300), (BenchType.AwsSecurityGroup, 150), (BenchType.AwsSubnet, 150), (BenchType.AwsEbsVolume, 150),
        (BenchType.AwsS3Bucket, 100), (BenchType.AwsVpc, 50), (BenchType.AwsEksCluster, 20), (BenchType.AzureLinuxVm, 40),
        (BenchType.GoogleInstance, 40),
    ];

    public static string Name(BenchType type) => type switch
    {
        BenchType.AwsInstance => "aws_instance",
        BenchType.AwsSecurityGroup => "aws_security_group",
        BenchType.AwsSubnet => "aws_subnet",
        BenchType.AwsEbsVolume => "aws_ebs_volume",
        BenchType.AwsS3Bucket => "aws_s3_bucket",
        BenchType.AwsVpc => "aws_vpc",
        BenchType.AwsEksCluster => "aws_eks_cluster",
        BenchType.AzureLinuxVm => "azurerm_linux_virtual_machine",
        _ => "google_compute_instance",
    };

    public static string Provider(BenchType type) => type switch
    {
        BenchType.AzureLinuxVm => "azurerm",
        BenchType.GoogleInstance => "google",
        _ => "aws",
    };
}
