using System.Text.Json.Nodes;
using IacPlatform.Inventory.Providers;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Providers.Aws;

public sealed class AwsTagWriteTests : AwsScenario
{
    [Fact]
    public async Task WriteTags_Ec2Instance_CreatesTheNewSetAndDeletesOnlyStaleUserKeys()
    {
        await WriteAsync(new("aws_instance", "i-0a1b2c3d4e5f60001", "eu-west-1", "{}"),
            new() { ["Name"] = "web-1", ["env"] = "prod", ["team"] = "platform" });

        Aws.Requests.Select(request => request.Operation).ShouldBe(["DescribeTags", "CreateTags", "DeleteTags"]);
        var describe = Aws.Requests[0];
        (describe.FormValue("Filter.1.Name"), describe.FormValue("Filter.1.Value.1")).ShouldBe(("resource-id", "i-0a1b2c3d4e5f60001"));

        var create = Aws.Requests[1];
        create.FormValue("ResourceId.1").ShouldBe("i-0a1b2c3d4e5f60001");
        Tags(create).ShouldBe(new Dictionary<string, string?> { ["Name"] = "web-1", ["env"] = "prod", ["team"] = "platform" });

        // old-owner is gone from the new set; aws:autoscaling:groupName is reserved and stays.
        var delete = Aws.Requests[2];
        delete.FormValue("ResourceId.1").ShouldBe("i-0a1b2c3d4e5f60001");
        Tags(delete).ShouldBe(new Dictionary<string, string?> { ["old-owner"] = null });

        Aws.Requests.ShouldAllBe(request => request.Region == "eu-west-1" && request.AuthorizationMatch.Success);
        Account.Budget.Permits.ShouldBe(Enumerable.Repeat(("eu-west-1", "ec2"), 3));
    }

    [Fact]
    public async Task WriteTags_S3Bucket_PutsTheWholeSetSignedForTheBucketRegion()
    {
        await WriteAsync(new("aws_s3_bucket", "iacp-logs-prod", "eu-west-1", "{}"), new() { ["env"] = "prod", ["cost-center"] = "42" });

        var put = Aws.Requests.ShouldHaveSingleItem();
        (put.Operation, put.Method, put.Region).ShouldBe(("PutBucketTagging", "PUT", "eu-west-1"));
        put.Segments.ShouldBe(["iacp-logs-prod"]);
        put.Body.ShouldContain("<Tag><Key>env</Key><Value>prod</Value></Tag>");
        put.Body.ShouldContain("<Tag><Key>cost-center</Key><Value>42</Value></Tag>");
        Account.Budget.Permits.ShouldBe([(ProviderService.GlobalRegion, "s3")]);
    }

    [Fact]
    public async Task WriteTags_S3BucketEmptySet_DeletesTheTagging()
    {
        await WriteAsync(new("aws_s3_bucket", "iacp-scratch", "us-east-1", "{}"), []);

        var delete = Aws.Requests.ShouldHaveSingleItem();
        (delete.Operation, delete.Method).ShouldBe(("DeleteBucketTagging", "DELETE"));
    }

    [Fact]
    public async Task WriteTags_EksCluster_TagsAndUntagsByItsArn()
    {
        await WriteAsync(new("aws_eks_cluster", "prod", "us-east-1", "{}"), new() { ["env"] = "prod", ["owner"] = "sre" });

        Aws.Requests.Select(request => request.Operation).ShouldBe(["DescribeCluster", "TagResource", "UntagResource"]);
        var tag = Aws.Requests[1];
        tag.RawTarget.ShouldBe("/tags/arn%3Aaws%3Aeks%3Aus-east-1%3A123456789012%3Acluster%2Fprod");
        tag.Segments[1].ShouldBe("arn:aws:eks:us-east-1:123456789012:cluster/prod");
        JsonNode.Parse(tag.Body).ShouldEqualJson("""{ "tags": { "env": "prod", "owner": "sre" } }""");

        var untag = Aws.Requests[2];
        (untag.Method, untag.Segments[1]).ShouldBe(("DELETE", "arn:aws:eks:us-east-1:123456789012:cluster/prod"));
        untag.Query["tagKeys"].ShouldBe(["team"]);
        Aws.Requests.ShouldAllBe(request => request.AuthorizationMatch.Success && request.Service == "eks");
        Account.Budget.Permits.ShouldBe(Enumerable.Repeat(("us-east-1", "eks"), 3));
    }

    [Fact]
    public async Task WriteTags_EksNodeGroup_UsesTheNodeGroupArnFromTerraformsId()
    {
        await WriteAsync(new("aws_eks_node_group", "prod:workers", "us-east-1", "{}"), new() { ["env"] = "prod" });

        Aws.Requests.Select(request => request.Operation).ShouldBe(["DescribeNodegroup", "TagResource"]);
        Aws.Requests[0].Segments.ShouldBe(["clusters", "prod", "node-groups", "workers"]);
        Aws.Requests[1].Segments[1].ShouldBe(
            "arn:aws:eks:us-east-1:123456789012:nodegroup/prod/workers/a1b2c3d4-e5f6-a7b8-c9d0-e1f2a3b4c5d6");
    }

    [Fact]
    public async Task WriteTags_UnknownType_ThrowsUnsupportedWithoutARequest()
    {
        var failure = await Should.ThrowAsync<ProviderException>(() =>
            WriteAsync(new("aws_lambda_function", "handler", "us-east-1", "{}"), new() { ["env"] = "prod" }));

        failure.Kind.ShouldBe(ProviderErrorKind.Unsupported);
        Aws.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task WriteTags_Ec2Refused_ThrowsUnauthorized()
    {
        Aws.Override = request => request.Operation == "CreateTags" ? StandInAnswer.Ec2("UnauthorizedOperation.xml", 403) : null;

        var failure = await Should.ThrowAsync<ProviderException>(() =>
            WriteAsync(new("aws_vpc", "vpc-0a1b2c3d4e5f60001", "us-east-1", "{}"), new() { ["env"] = "prod" }));

        failure.Kind.ShouldBe(ProviderErrorKind.Unauthorized);
        failure.ToString().ShouldNotContain(AwsTestAccount.SecretAccessKey);
    }

    private Task WriteAsync(ResourceLocator resource, Dictionary<string, string> tags) =>
        Account.Provider.WriteTagsAsync(Account.Context, resource, tags, TestContext.Current.CancellationToken);

    /// <summary>The query protocol's Tag.N.Key / Tag.N.Value members.</summary>
    private static Dictionary<string, string?> Tags(AwsRequest request)
    {
        var tags = new Dictionary<string, string?>();
        for (var n = 1; request.FormValue($"Tag.{n}.Key") is { } key; n++)
        {
            tags[key] = request.FormValue($"Tag.{n}.Value");
        }

        return tags;
    }
}
