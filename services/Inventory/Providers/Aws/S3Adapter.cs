using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;

namespace IacPlatform.Inventory.Providers.Aws;

/// <summary>
/// The global s3 unit: ListBuckets page by page from the account's home region, then per bucket its location and,
/// through a client of the bucket's own region, its tagging, versioning and default encryption (four permits per
/// bucket). "No tag set" and "no encryption configuration" are answers, not failures; a bucket deleted between the
/// listing and its details is skipped.
/// </summary>
internal sealed class S3Adapter(AwsClientFactory clients, AwsRequestRunner runner)
{
    public const string ServiceName = "s3";

    public static readonly IReadOnlyList<string> ResourceTypes = [S3Resources.Bucket];

    private const string NoSuchBucket = "NoSuchBucket";

    /// <param name="scope">Budgeted under the "global" region; its <see cref="AwsCallScope.Region"/> is the home region.</param>
    public async IAsyncEnumerable<DiscoveredResource> DiscoverAsync(
        AwsCallScope scope, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var regional = new Dictionary<string, AmazonS3Client>(StringComparer.Ordinal);
        try
        {
            var home = ClientFor(regional, scope, scope.Region);
            await foreach (var buckets in runner.PagesAsync(scope, "ListBuckets",
                (token, ct) => home.ListBucketsAsync(new ListBucketsRequest { ContinuationToken = token, MaxBuckets = 1000 }, ct),
                response => (response.Buckets, response.ContinuationToken), cancellationToken))
            {
                foreach (var bucket in buckets)
                {
                    var name = bucket.BucketName;
                    var location = await runner.SendAsync(scope, "GetBucketLocation", ct => NoneOn(
                        home.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = name }, ct), NoSuchBucket), cancellationToken);
                    if (location is null)
                    {
                        continue;
                    }

                    var region = S3Resources.RegionOf(location.Location?.Value);
                    var bucketScope = scope.InRegion(region);
                    var s3 = ClientFor(regional, scope, region);
                    var tagging = await runner.SendAsync(bucketScope, "GetBucketTagging", ct => NoneOn(
                        s3.GetBucketTaggingAsync(new GetBucketTaggingRequest { BucketName = name }, ct), "NoSuchTagSet", NoSuchBucket), cancellationToken);
                    var versioning = await runner.SendAsync(bucketScope, "GetBucketVersioning", ct => NoneOn(
                        s3.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = name }, ct), NoSuchBucket), cancellationToken);
                    var encryption = await runner.SendAsync(bucketScope, "GetBucketEncryption", ct => NoneOn(
                        s3.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { BucketName = name }, ct),
                        "ServerSideEncryptionConfigurationNotFoundError", NoSuchBucket), cancellationToken);
                    if (versioning is null)
                    {
                        continue;
                    }

                    yield return S3Resources.FromBucket(name, region, tagging?.TagSet, versioning.VersioningConfig,
                        encryption?.ServerSideEncryptionConfiguration);
                }
            }
        }
        finally
        {
            foreach (var client in regional.Values)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>PutBucketTagging replaces the whole set; an empty set is DeleteBucketTagging (S3 refuses an empty put).</summary>
    public async Task WriteTagsAsync(
        AwsCallScope scope, string bucket, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        using var s3 = clients.S3(scope.Credentials, scope.Region);
        var wanted = tags.Where(tag => !TerraformJson.IsReserved(tag.Key)).ToList();
        if (wanted.Count == 0)
        {
            await runner.SendAsync(scope, "DeleteBucketTagging",
                ct => s3.DeleteBucketTaggingAsync(new DeleteBucketTaggingRequest { BucketName = bucket }, ct), cancellationToken);
            return;
        }

        await runner.SendAsync(scope, "PutBucketTagging", ct => s3.PutBucketTaggingAsync(new PutBucketTaggingRequest
        {
            BucketName = bucket,
            TagSet = [.. wanted.Select(tag => new Tag { Key = tag.Key, Value = tag.Value })],
        }, ct), cancellationToken);
    }

    private AmazonS3Client ClientFor(Dictionary<string, AmazonS3Client> regional, AwsCallScope scope, string region)
    {
        if (!regional.TryGetValue(region, out var client))
        {
            client = clients.S3(scope.Credentials, region);
            regional[region] = client;
        }

        return client;
    }

    private static async Task<T?> NoneOn<T>(Task<T> call, params string[] codes)
        where T : class
    {
        try
        {
            return await call;
        }
        catch (AmazonS3Exception exception) when (codes.Contains(exception.ErrorCode, StringComparer.Ordinal))
        {
            return null;
        }
    }
}
