using System.Runtime.CompilerServices;

namespace IacPlatform.Inventory.Providers.Aws;

/// <summary>
/// The eks unit: ListClusters to the last page, DescribeCluster for each, then its node groups the same way.
/// A cluster or node group deleted between listing and describing is skipped.
/// </summary>
internal sealed class EksAdapter(EksClient eks, AwsRequestRunner runner)
{
    public const string ServiceName = "eks";

    public static readonly IReadOnlyList<string> ResourceTypes = [EksResources.Cluster, EksResources.NodeGroup];

    public async IAsyncEnumerable<DiscoveredResource> DiscoverAsync(
        AwsCallScope scope, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var names in runner.PagesAsync(scope, "ListClusters",
            (token, ct) => eks.ListClustersAsync(scope, token, ct), page => (page.Clusters, page.NextToken), cancellationToken))
        {
            foreach (var name in names)
            {
                var cluster = (await runner.SendAsync(scope, "DescribeCluster",
                    ct => NoneIfGone(eks.DescribeClusterAsync(scope, name, ct)), cancellationToken))?.Cluster;
                if (cluster is null)
                {
                    continue;
                }

                yield return EksResources.FromCluster(cluster, scope.Region);
                await foreach (var groups in runner.PagesAsync(scope, "ListNodegroups",
                    (token, ct) => NoneIfGone(eks.ListNodegroupsAsync(scope, name, token, ct)),
                    page => (page?.Nodegroups, page?.NextToken), cancellationToken))
                {
                    foreach (var groupName in groups)
                    {
                        var group = (await runner.SendAsync(scope, "DescribeNodegroup",
                            ct => NoneIfGone(eks.DescribeNodegroupAsync(scope, name, groupName, ct)), cancellationToken))?.Nodegroup;
                        if (group is not null)
                        {
                            yield return EksResources.FromNodeGroup(group, scope.Region);
                        }
                    }
                }
            }
        }
    }

    /// <summary>Replaces the tags: TagResource with the new set, UntagResource for the keys beyond it.</summary>
    public async Task WriteTagsAsync(
        AwsCallScope scope, string type, string nativeId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        var (arn, current) = await DescribeForTagsAsync(scope, type, nativeId, cancellationToken);
        var wanted = tags.Where(tag => !TerraformJson.IsReserved(tag.Key)).ToDictionary(StringComparer.Ordinal);
        var stale = current.Keys.Where(key => !TerraformJson.IsReserved(key) && !tags.ContainsKey(key)).ToList();
        if (wanted.Count > 0)
        {
            await runner.SendAsync(scope, "TagResource", ct => eks.TagResourceAsync(scope, arn, wanted, ct), cancellationToken);
        }

        if (stale.Count > 0)
        {
            await runner.SendAsync(scope, "UntagResource", ct => eks.UntagResourceAsync(scope, arn, stale, ct), cancellationToken);
        }
    }

    private async Task<(string Arn, IReadOnlyDictionary<string, string> Tags)> DescribeForTagsAsync(
        AwsCallScope scope, string type, string nativeId, CancellationToken cancellationToken)
    {
        if (type == EksResources.Cluster)
        {
            var cluster = (await runner.SendAsync(scope, "DescribeCluster",
                ct => NoneIfGone(eks.DescribeClusterAsync(scope, nativeId, ct)), cancellationToken))?.Cluster;
            return cluster?.Arn is { } arn ? (arn, cluster.Tags ?? []) : throw Gone(scope, type, nativeId);
        }

        var separator = nativeId.IndexOf(':', StringComparison.Ordinal);
        if (separator <= 0)
        {
            throw new ProviderException(ProviderErrorKind.Failed,
                $"'{nativeId}' is not an EKS node group id (cluster_name:node_group_name).");
        }

        var group = (await runner.SendAsync(scope, "DescribeNodegroup",
            ct => NoneIfGone(eks.DescribeNodegroupAsync(scope, nativeId[..separator], nativeId[(separator + 1)..], ct)),
            cancellationToken))?.Nodegroup;
        return group?.NodegroupArn is { } groupArn ? (groupArn, group.Tags ?? []) : throw Gone(scope, type, nativeId);
    }

    private static ProviderException Gone(AwsCallScope scope, string type, string nativeId) =>
        new(ProviderErrorKind.Failed, $"AWS eks in {scope.Region} has no {type} '{nativeId}'.");

    private static async Task<T?> NoneIfGone<T>(Task<T> call)
        where T : class
    {
        try
        {
            return await call;
        }
        catch (AwsApiException exception) when (EksClient.IsNotFound(exception))
        {
            return null;
        }
    }
}
