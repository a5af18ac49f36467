using System.Text.Json.Nodes;
using Amazon.S3.Model;

namespace IacPlatform.Inventory.Providers.Aws;

/// <summary>
/// A bucket as Terraform's aws_s3_bucket: id and bucket are the name, versioning and
/// server_side_encryption_configuration in the provider's nested-block shapes (lists of one object, empty when
/// the bucket has no default encryption).
/// </summary>
internal static class S3Resources
{
    public const string Bucket = "aws_s3_bucket";

    /// <summary>GetBucketLocation answers nothing for us-east-1 and the legacy "EU" for eu-west-1.</summary>
    public static string RegionOf(string? locationConstraint) => locationConstraint switch
    {
        null or "" or "US" => "us-east-1",
        "EU" => "eu-west-1",
        _ => locationConstraint,
    };

    public static DiscoveredResource FromBucket(
        string name, string region, IEnumerable<Tag>? tagSet, S3BucketVersioningConfig? versioning,
        ServerSideEncryptionConfiguration? encryption)
    {
        var tags = TerraformJson.Tags(tagSet, tag => tag.Key, tag => tag.Value);
        var attributes = new JsonObject
        {
            ["id"] = name,
            ["bucket"] = name,
            ["arn"] = $"arn:{AwsPartition.For(region).Name}:s3:::{name}",
            ["region"] = region,
            ["versioning"] = TerraformJson.Block(new JsonObject
            {
                ["enabled"] = versioning?.Status?.Value == "Enabled",
                ["mfa_delete"] = versioning?.EnableMfaDelete ?? false,
            }),
            ["server_side_encryption_configuration"] = Encryption(encryption),
            ["tags"] = TerraformJson.TagsObject(tags),
        };
        return new DiscoveredResource(Bucket, name, name, region, "active", tags, attributes);
    }

    private static JsonArray Encryption(ServerSideEncryptionConfiguration? encryption)
    {
        var rules = (encryption?.ServerSideEncryptionRules ?? [])
            .Where(rule => rule.ServerSideEncryptionByDefault?.ServerSideEncryptionAlgorithm is not null)
            .Select(rule => (JsonNode)new JsonObject
            {
                ["apply_server_side_encryption_by_default"] = TerraformJson.Block(new JsonObject
                {
                    ["sse_algorithm"] = rule.ServerSideEncryptionByDefault.ServerSideEncryptionAlgorithm.Value,
                    ["kms_master_key_id"] = rule.ServerSideEncryptionByDefault.ServerSideEncryptionKeyManagementServiceKeyId ?? string.Empty,
                }),
                ["bucket_key_enabled"] = rule.BucketKeyEnabled ?? false,
            })
            .ToArray();
        return rules.Length == 0 ? [] : TerraformJson.Block(new JsonObject { ["rule"] = new JsonArray(rules) });
    }
}
