using System.Runtime.CompilerServices;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace IacPlatform.Inventory.Providers.Aws;

/// <summary>
/// The ec2 unit: VPCs, subnets, security groups, volumes, then instances (whose root_block_device needs the
/// volumes), each listed with NextToken loops to the last page, one runner call (so one budget permit) per page.
/// </summary>
internal sealed class Ec2Adapter(AwsClientFactory clients, AwsRequestRunner runner)
{
    public const string ServiceName = "ec2";

    public static readonly IReadOnlyList<string> ResourceTypes =
        [Ec2Resources.Instance, Ec2Resources.Vpc, Ec2Resources.Subnet, Ec2Resources.SecurityGroup, Ec2Resources.Volume];

    public async IAsyncEnumerable<DiscoveredResource> DiscoverAsync(
        AwsCallScope scope, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var region = scope.Region;
        using var ec2 = clients.Ec2(scope.Credentials, region);

        await foreach (var vpcs in runner.PagesAsync(scope, "DescribeVpcs",
            (token, ct) => ec2.DescribeVpcsAsync(new DescribeVpcsRequest { NextToken = token, MaxResults = 1000 }, ct),
            response => (response.Vpcs, response.NextToken), cancellationToken))
        {
            foreach (var vpc in vpcs)
            {
                yield return Ec2Resources.FromVpc(vpc, region);
            }
        }

        await foreach (var subnets in runner.PagesAsync(scope, "DescribeSubnets",
            (token, ct) => ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { NextToken = token, MaxResults = 1000 }, ct),
            response => (response.Subnets, response.NextToken), cancellationToken))
        {
            foreach (var subnet in subnets)
            {
                yield return Ec2Resources.FromSubnet(subnet, region);
            }
        }

        await foreach (var groups in runner.PagesAsync(scope, "DescribeSecurityGroups",
            (token, ct) => ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { NextToken = token, MaxResults = 1000 }, ct),
            response => (response.SecurityGroups, response.NextToken), cancellationToken))
        {
            foreach (var group in groups)
            {
                yield return Ec2Resources.FromSecurityGroup(group, region);
            }
        }

        var volumesById = new Dictionary<string, Volume>(StringComparer.Ordinal);
        await foreach (var volumes in runner.PagesAsync(scope, "DescribeVolumes",
            (token, ct) => ec2.DescribeVolumesAsync(new DescribeVolumesRequest { NextToken = token, MaxResults = 500 }, ct),
            response => (response.Volumes, response.NextToken), cancellationToken))
        {
            foreach (var volume in volumes)
            {
                volumesById[volume.VolumeId] = volume;
                yield return Ec2Resources.FromVolume(volume, region);
            }
        }

        await foreach (var reservations in runner.PagesAsync(scope, "DescribeInstances",
            (token, ct) => ec2.DescribeInstancesAsync(new DescribeInstancesRequest { NextToken = token, MaxResults = 1000 }, ct),
            response => (response.Reservations, response.NextToken), cancellationToken))
        {
            foreach (var reservation in reservations)
            {
                // A terminated instance is gone (EC2 lists it for about an hour more): leaving it out lets the sync
                // mark it removed, as Terraform would no longer have it either.
                foreach (var instance in (reservation.Instances ?? []).Where(instance => instance.State?.Name != InstanceStateName.Terminated))
                {
                    yield return Ec2Resources.FromInstance(instance, reservation.OwnerId, region, volumesById);
                }
            }
        }
    }

    /// <summary>Replaces the tags: creates or overwrites the new set, deletes the keys the resource has beyond it.</summary>
    public async Task WriteTagsAsync(
        AwsCallScope scope, string resourceId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        using var ec2 = clients.Ec2(scope.Credentials, scope.Region);
        var current = new List<string>();
        await foreach (var page in runner.PagesAsync(scope, "DescribeTags",
            (token, ct) => ec2.DescribeTagsAsync(new DescribeTagsRequest
            {
                NextToken = token,
                MaxResults = 1000,
                Filters = [new Filter("resource-id", [resourceId])],
            }, ct),
            response => (response.Tags, response.NextToken), cancellationToken))
        {
            current.AddRange(page.Select(tag => tag.Key));
        }

        var wanted = tags.Where(tag => !TerraformJson.IsReserved(tag.Key)).ToList();
        var stale = current.Where(key => !TerraformJson.IsReserved(key) && !tags.ContainsKey(key)).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count > 0)
        {
            await runner.SendAsync(scope, "CreateTags", ct => ec2.CreateTagsAsync(new CreateTagsRequest
            {
                Resources = [resourceId],
                Tags = [.. wanted.Select(tag => new Tag(tag.Key, tag.Value))],
            }, ct), cancellationToken);
        }

        if (stale.Count > 0)
        {
            await runner.SendAsync(scope, "DeleteTags", ct => ec2.DeleteTagsAsync(new DeleteTagsRequest
            {
                Resources = [resourceId],
                Tags = [.. stale.Select(key => new Tag { Key = key })],
            }, ct), cancellationToken);
        }
    }
}
