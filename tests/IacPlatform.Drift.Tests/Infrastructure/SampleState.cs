namespace IacPlatform.Drift.Tests.Infrastructure;

/// <summary>
/// A small AWS tfstate whose native ids are unique to one test (the inventory matches by type and native id across
/// every account, so tests sharing the fleet must not share ids): a VPC (staging), an instance (production) and a
/// bucket, at the given serial.
/// </summary>
public sealed class SampleState
{
    private readonly string _lineage = Guid.NewGuid().ToString();

    public SampleState()
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        Workspace = "drift-" + suffix;
        VpcId = "vpc-" + suffix;
        InstanceId = "i-" + suffix;
        BucketId = "logs-" + suffix;
    }

    public string Workspace { get; }

    public string VpcId { get; }

    public string InstanceId { get; }

    public string BucketId { get; }

    public const string InstanceAddress = "aws_instance.web";

    public const string BucketAddress = "aws_s3_bucket.logs";

    public const string VpcAddress = "aws_vpc.main";

    public const int ResourceCount = 3;

    public const string AdoptedAddress = "aws_instance.adopted";

    /// <summary>
    /// The state at <paramref name="serial"/>. <paramref name="withBucket"/> false is the bucket removed from the state
    /// (<c>terraform state rm</c>); <paramref name="adoptedInstanceId"/> imports an instance created by hand as
    /// <see cref="AdoptedAddress"/> (t3.micro, Name=rogue: what <see cref="FleetApi.AddSandboxResourceAsync"/> made).
    /// </summary>
    public string Json(int serial, string instanceType = "t3.small", bool withBucket = true, string? adoptedInstanceId = null)
    {
        var resources = new List<string>
        {
            $$$"""
            {"mode":"managed","type":"aws_vpc","name":"main","provider":"provider[\"registry.terraform.io/hashicorp/aws\"]",
             "instances":[{"schema_version":1,"attributes":{"id":"{{{VpcId}}}","cidr_block":"10.20.0.0/16","enable_dns_support":true,
               "tags":{"Name":"main","Environment":"staging"},"tags_all":{"Name":"main","Environment":"staging"}},"sensitive_attributes":[]}]}
            """,
            $$$"""
            {"mode":"managed","type":"aws_instance","name":"web","provider":"provider[\"registry.terraform.io/hashicorp/aws\"]",
             "instances":[{"schema_version":1,"attributes":{"id":"{{{InstanceId}}}","ami":"ami-0a1b2c3d4e5f60718","instance_type":"{{{instanceType}}}",
               "availability_zone":"eu-west-1a","tags":{"Name":"web","Environment":"production"},"tags_all":{"Name":"web","Environment":"production"}},
               "sensitive_attributes":[]}]}
            """,
        };
        if (withBucket)
        {
            resources.Add($$$"""
                {"mode":"managed","type":"aws_s3_bucket","name":"logs","provider":"provider[\"registry.terraform.io/hashicorp/aws\"]",
                 "instances":[{"schema_version":0,"attributes":{"id":"{{{BucketId}}}","bucket":"{{{BucketId}}}","force_destroy":false,
                   "tags":{"Name":"logs"},"tags_all":{"Name":"logs"}},"sensitive_attributes":[]}]}
                """);
        }

        if (adoptedInstanceId is not null)
        {
            resources.Add($$$"""
                {"mode":"managed","type":"aws_instance","name":"adopted","provider":"provider[\"registry.terraform.io/hashicorp/aws\"]",
                 "instances":[{"schema_version":1,"attributes":{"id":"{{{adoptedInstanceId}}}","ami":"ami-0a1b2c3d4e5f60718","instance_type":"t3.micro",
                   "tags":{"Name":"rogue"},"tags_all":{"Name":"rogue"}},"sensitive_attributes":[]}]}
                """);
        }

        return $$$"""
            {"version":4,"terraform_version":"1.11.4","serial":{{{serial}}},"lineage":"{{{_lineage}}}","outputs":{},"resources":[
            {{{string.Join(",\n", resources)}}}
            ]}
            """;
    }
}
