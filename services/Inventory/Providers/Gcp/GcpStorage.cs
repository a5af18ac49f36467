using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using IacPlatform.Inventory.Providers.Http;

namespace IacPlatform.Inventory.Providers.Gcp;

/// <summary>storage: Cloud Storage buckets of the project (JSON API, pageToken paging).</summary>
internal static class GcpStorage
{
    /// <summary>Buckets have no lifecycle state: one that is listed is "active".</summary>
    private const string Active = "active";

    public static async IAsyncEnumerable<DiscoveredResource> DiscoverAsync(
        GcpApiClient api, GcpRequestScope scope, GcpProviderOptions settings, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var first = ProviderEndpoint.Combine(settings.StorageEndpoint, $"storage/v1/b?project={scope.ProjectSegment}&maxResults={settings.PageSize}");
        await foreach (var page in api.PagesAsync(scope, first, "listing buckets", cancellationToken))
        {
            foreach (var bucket in (page.Get("items") as JsonArray ?? []).OfType<JsonObject>())
            {
                yield return Bucket(bucket, scope.Project);
            }
        }
    }

    internal static DiscoveredResource Bucket(JsonObject bucket, string project)
    {
        var name = GcpCompute.Name(bucket, "a bucket");
        var location = bucket.Str("location") ?? "";
        var iam = bucket.Get("iamConfiguration");
        var retention = bucket.Get("retentionPolicy");
        var logging = bucket.Get("logging");
        var attributes = new JsonObject
        {
            ["id"] = name,
            ["name"] = name,
            ["project"] = project,
            ["project_number"] = bucket.Str("projectNumber"),
            ["location"] = location,
            ["storage_class"] = bucket.Str("storageClass"),
            ["versioning"] = ProviderJson.ToArray(new JsonObject { ["enabled"] = bucket.Get("versioning").Bool("enabled") ?? false }),
            ["uniform_bucket_level_access"] = iam.Get("uniformBucketLevelAccess").Bool("enabled") ?? false,
            ["public_access_prevention"] = iam.Str("publicAccessPrevention") ?? "inherited",
            ["encryption"] = bucket.Get("encryption").Str("defaultKmsKeyName") is { } key
                ? ProviderJson.ToArray(new JsonObject { ["default_kms_key_name"] = key })
                : [],
            ["requester_pays"] = bucket.Get("billing").Bool("requesterPays") ?? false,
            ["default_event_based_hold"] = bucket.Bool("defaultEventBasedHold") ?? false,
            ["retention_policy"] = retention is JsonObject ? ProviderJson.ToArray(new JsonObject
            {
                ["retention_period"] = retention.Long("retentionPeriod"),
                ["is_locked"] = retention.Bool("isLocked") ?? false,
            }) : [],
            ["logging"] = logging is JsonObject ? ProviderJson.ToArray(new JsonObject
            {
                ["log_bucket"] = logging.Str("logBucket"),
                ["log_object_prefix"] = logging.Str("logObjectPrefix"),
            }) : [],
            ["rpo"] = bucket.Str("rpo"),
            ["self_link"] = bucket.Str("selfLink"),
            ["url"] = $"gs://{name}",
        };
        // Multi- and dual-regions ("US", "EU", "NAM4") stay as they are, lowercased like every inventory region.
        return new DiscoveredResource(GcpServices.Bucket, name, name, location.ToLowerInvariant(), Active,
            bucket.StringMap("labels"), attributes);
    }
}
