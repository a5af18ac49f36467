using Shouldly;

namespace IacPlatform.Inventory.Tests.Providers.Aws;

public sealed class EksDiscoveryTests : AwsScenario
{
    [Fact]
    public async Task DiscoverEks_ClustersOnTwoPages_ReturnsClustersAndNodeGroupsAsTerraformHasThem()
    {
        var resources = await Account.DiscoverAsync("us-east-1", "eks");

        resources.Select(resource => (resource.Type, resource.NativeId, resource.Name, resource.Status)).ShouldBe(
        [
            ("aws_eks_cluster", "prod", "prod", "active"),
            ("aws_eks_node_group", "prod:workers", "workers", "active"),
            ("aws_eks_cluster", "staging", "staging", "creating"),
        ]);
        resources[0].Tags.ShouldBe(new Dictionary<string, string> { ["env"] = "prod", ["team"] = "platform" });
        resources[0].Attributes.ShouldEqualJson("""
            {
              "id": "prod", "arn": "arn:aws:eks:us-east-1:123456789012:cluster/prod", "name": "prod", "version": "1.29",
              "platform_version": "eks.8", "endpoint": "https://A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5D6.gr7.us-east-1.eks.amazonaws.com",
              "role_arn": "arn:aws:iam::123456789012:role/eks-cluster-role", "status": "ACTIVE",
              "vpc_config": [{
                "subnet_ids": ["subnet-0aa1b2c3d4e5f6001", "subnet-0aa1b2c3d4e5f6002"], "security_group_ids": ["sg-0123456789abcdef0"],
                "cluster_security_group_id": "sg-0c1d2e3f4a5b6c7d8", "vpc_id": "vpc-0a1b2c3d4e5f60001",
                "endpoint_public_access": false, "endpoint_private_access": true, "public_access_cidrs": []
              }],
              "tags": { "env": "prod", "team": "platform" }
            }
            """);
        resources[1].Attributes.ShouldEqualJson("""
            {
              "id": "prod:workers", "arn": "arn:aws:eks:us-east-1:123456789012:nodegroup/prod/workers/a1b2c3d4-e5f6-a7b8-c9d0-e1f2a3b4c5d6",
              "cluster_name": "prod", "node_group_name": "workers", "node_role_arn": "arn:aws:iam::123456789012:role/eks-node-role",
              "version": "1.29", "release_version": "1.29.0-20240129", "status": "ACTIVE", "capacity_type": "ON_DEMAND",
              "ami_type": "AL2_x86_64", "disk_size": 50, "instance_types": ["m5.large", "m5a.large"],
              "scaling_config": [{ "desired_size": 3, "min_size": 2, "max_size": 6 }],
              "subnet_ids": ["subnet-0aa1b2c3d4e5f6001", "subnet-0aa1b2c3d4e5f6002"],
              "labels": { "workload": "general" }, "tags": { "env": "prod" }
            }
            """);

        var listings = Aws.For("ListClusters");
        listings.Count.ShouldBe(2);
        listings[0].QueryValue("nextToken").ShouldBeNull();
        listings[0].QueryValue("maxResults").ShouldBe("100");
        listings[1].QueryValue("nextToken").ShouldBe(AwsStandIn.ClustersPage2Token);
    }

    [Fact]
    public async Task DiscoverEks_EveryRequest_CarriesAWellFormedSigV4HeaderAndTakesOnePermit()
    {
        using var session = AwsTestAccount.Create(Aws.Url, sessionCredentials: true);
        var before = DateTime.UtcNow.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

        await session.DiscoverAsync("ap-southeast-2", "eks");

        string[] dates = [before, DateTime.UtcNow.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)];
        var requests = Aws.Requests;
        requests.Select(request => request.Operation).ShouldBe(
        [
            "ListClusters", "DescribeCluster", "ListNodegroups", "DescribeNodegroup",
            "ListClusters", "DescribeCluster", "ListNodegroups",
        ]);
        foreach (var request in requests)
        {
            var signature = request.AuthorizationMatch;
            signature.Success.ShouldBeTrue(request.Authorization);
            signature.Groups["key"].Value.ShouldBe(AwsTestAccount.AccessKeyId);
            dates.ShouldContain(signature.Groups["date"].Value);
            signature.Groups["region"].Value.ShouldBe("ap-southeast-2");
            signature.Groups["service"].Value.ShouldBe("eks");
            signature.Groups["headers"].Value.ShouldBe("host;x-amz-date;x-amz-security-token");
            request.SecurityToken.ShouldBe(AwsTestAccount.SessionToken);
        }

        session.Budget.Permits.ShouldBe(Enumerable.Repeat(("ap-southeast-2", "eks"), requests.Count));
    }

    [Fact]
    public async Task DiscoverEks_ClusterDeletedAfterListing_IsSkipped()
    {
        Aws.Override = request => request.Operation == "DescribeCluster" && request.Segments[1] == "staging"
            ? StandInAnswer.EksError(404, "ResourceNotFoundException", "ResourceNotFoundException.json")
            : null;

        var resources = await Account.DiscoverAsync("us-east-1", "eks");

        resources.Select(resource => resource.NativeId).ShouldBe(["prod", "prod:workers"]);
    }
}
