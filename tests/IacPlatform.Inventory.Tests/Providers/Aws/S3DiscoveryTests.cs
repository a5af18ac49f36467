using IacPlatform.Inventory.Providers;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Providers.Aws;

public sealed class S3DiscoveryTests : AwsScenario
{
    [Fact]
    public async Task DiscoverS3_RecordedBuckets_ReadsRegionTagsVersioningAndEncryption()
    {
        var resources = await Account.DiscoverAsync(ProviderService.GlobalRegion, "s3");

        resources.Select(resource => resource.NativeId).ShouldBe(["iacp-logs-prod", "iacp-scratch"]);
        var logs = resources[0];
        (logs.Type, logs.Name, logs.Region, logs.Status).ShouldBe(("aws_s3_bucket", "iacp-logs-prod", "eu-west-1", "active"));
        logs.Tags.ShouldBe(new Dictionary<string, string> { ["env"] = "prod", ["team"] = "platform" });
        logs.Attributes.ShouldEqualJson("""
            {
              "id": "iacp-logs-prod", "bucket": "iacp-logs-prod", "arn": "arn:aws:s3:::iacp-logs-prod", "region": "eu-west-1",
              "versioning": [{ "enabled": true, "mfa_delete": false }],
              "server_side_encryption_configuration": [{ "rule": [{
                "apply_server_side_encryption_by_default": [{
                  "sse_algorithm": "aws:kms",
                  "kms_master_key_id": "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
                }],
                "bucket_key_enabled": true
              }] }],
              "tags": { "env": "prod", "team": "platform" }
            }
            """);

        // NoSuchTagSet and ServerSideEncryptionConfigurationNotFoundError mean "none"; no LocationConstraint means us-east-1.
        var scratch = resources[1];
        (scratch.Region, scratch.Tags.Count).ShouldBe(("us-east-1", 0));
        scratch.Attributes["versioning"].ShouldEqualJson("""[{ "enabled": false, "mfa_delete": false }]""");
        scratch.Attributes["server_side_encryption_configuration"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task DiscoverS3_BucketPagesAndPerBucketCalls_FollowTokenSignForBucketRegionAndTakePermits()
    {
        await Account.DiscoverAsync(ProviderService.GlobalRegion, "s3");

        var listings = Aws.For("ListBuckets");
        listings.Count.ShouldBe(2);
        listings[0].QueryValue("continuation-token").ShouldBeNull();
        listings[1].QueryValue("continuation-token").ShouldBe(AwsStandIn.BucketsPage2Token);
        listings.ShouldAllBe(request => request.Region == "us-east-1");

        Aws.Requests.Where(request => request.FirstSegment == "iacp-logs-prod")
            .Select(request => (request.Operation, request.Region)).ShouldBe(
            [
                ("GetBucketLocation", "us-east-1"), ("GetBucketTagging", "eu-west-1"),
                ("GetBucketVersioning", "eu-west-1"), ("GetBucketEncryption", "eu-west-1"),
            ]);
        Aws.Requests.Count.ShouldBe(2 + (2 * 4));
        Aws.Requests.ShouldAllBe(request => request.AuthorizationMatch.Success && request.Service == "s3");
        Account.Budget.Permits.ShouldBe(Enumerable.Repeat((ProviderService.GlobalRegion, "s3"), Aws.Requests.Count));
    }
}
