using Shouldly;

namespace IacPlatform.Inventory.Tests.Providers.Aws;

public sealed class Ec2DiscoveryTests : AwsScenario
{
    [Fact]
    public async Task DiscoverEc2_RecordedAccount_ReturnsEveryTypeWithTerraformAttributes()
    {
        var resources = await Account.DiscoverAsync("us-east-1", "ec2");

        resources.Select(resource => (resource.Type, resource.NativeId)).ShouldBe(
        [
            ("aws_vpc", "vpc-0a1b2c3d4e5f60001"), ("aws_vpc", "vpc-6e7f8a9b"),
            ("aws_subnet", "subnet-0aa1b2c3d4e5f6001"), ("aws_subnet", "subnet-0aa1b2c3d4e5f6002"),
            ("aws_security_group", "sg-0123456789abcdef0"),
            ("aws_ebs_volume", "vol-0a1b2c3d4e5f60001"), ("aws_ebs_volume", "vol-0a1b2c3d4e5f60002"),
            ("aws_instance", "i-0a1b2c3d4e5f60001"), ("aws_instance", "i-0a1b2c3d4e5f60002"),
        ]);
        resources.ShouldAllBe(resource => resource.Region == "us-east-1");

        var web = resources.Single(resource => resource.NativeId == "i-0a1b2c3d4e5f60001");
        (web.Name, web.Status).ShouldBe(("web-1", "running"));
        web.Tags.ShouldBe(new Dictionary<string, string> { ["Name"] = "web-1", ["env"] = "prod" });
        web.Attributes.ShouldEqualJson("""
            {
              "id": "i-0a1b2c3d4e5f60001", "arn": "arn:aws:ec2:us-east-1:123456789012:instance/i-0a1b2c3d4e5f60001",
              "ami": "ami-0abcdef1234567890", "instance_type": "t3.medium", "availability_zone": "us-east-1a",
              "tenancy": "default", "subnet_id": "subnet-0aa1b2c3d4e5f6001",
              "vpc_security_group_ids": ["sg-0123456789abcdef0", "sg-0fedcba9876543210"],
              "private_ip": "10.0.1.10", "public_ip": "54.210.1.10",
              "private_dns": "ip-10-0-1-10.ec2.internal", "public_dns": "ec2-54-210-1-10.compute-1.amazonaws.com",
              "key_name": "deploy", "monitoring": true, "ebs_optimized": true, "source_dest_check": true,
              "instance_state": "running",
              "root_block_device": [{
                "device_name": "/dev/xvda", "volume_id": "vol-0a1b2c3d4e5f60001", "delete_on_termination": true,
                "volume_size": 30, "volume_type": "gp3", "encrypted": true, "iops": 3000, "throughput": 125,
                "kms_key_id": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
              }],
              "tags": { "Name": "web-1", "env": "prod" }
            }
            """);

        var stopped = resources.Single(resource => resource.NativeId == "i-0a1b2c3d4e5f60002");
        (stopped.Name, stopped.Status).ShouldBe(("i-0a1b2c3d4e5f60002", "stopped"));
        stopped.Attributes["public_ip"]!.GetValue<string>().ShouldBe(string.Empty);
        stopped.Attributes["key_name"]!.GetValue<string>().ShouldBe(string.Empty);
        stopped.Attributes["monitoring"]!.GetValue<bool>().ShouldBeFalse();
        stopped.Attributes["root_block_device"]!.AsArray().ShouldBeEmpty();

        var vpc = resources.Single(resource => resource.NativeId == "vpc-0a1b2c3d4e5f60001");
        (vpc.Name, vpc.Status).ShouldBe(("prod-vpc", "available"));
        vpc.Tags.ContainsKey("aws:cloudformation:stack-name").ShouldBeTrue();
        vpc.Attributes.ShouldEqualJson("""
            {
              "id": "vpc-0a1b2c3d4e5f60001", "arn": "arn:aws:ec2:us-east-1:123456789012:vpc/vpc-0a1b2c3d4e5f60001",
              "cidr_block": "10.0.0.0/16", "instance_tenancy": "default", "is_default": false,
              "dhcp_options_id": "dopt-19edf471", "owner_id": "123456789012",
              "tags": { "Name": "prod-vpc", "env": "prod" }
            }
            """);
        var defaultVpc = resources.Single(resource => resource.NativeId == "vpc-6e7f8a9b");
        defaultVpc.Name.ShouldBe("vpc-6e7f8a9b");
        defaultVpc.Attributes["is_default"]!.GetValue<bool>().ShouldBeTrue();

        var subnet = resources.Single(resource => resource.NativeId == "subnet-0aa1b2c3d4e5f6001");
        (subnet.Name, subnet.Status).ShouldBe(("prod-public-a", "available"));
        subnet.Attributes.ShouldEqualJson("""
            {
              "id": "subnet-0aa1b2c3d4e5f6001", "arn": "arn:aws:ec2:us-east-1:123456789012:subnet/subnet-0aa1b2c3d4e5f6001",
              "vpc_id": "vpc-0a1b2c3d4e5f60001", "cidr_block": "10.0.1.0/24", "availability_zone": "us-east-1a",
              "availability_zone_id": "use1-az6", "map_public_ip_on_launch": true, "assign_ipv6_address_on_creation": false,
              "owner_id": "123456789012", "tags": { "Name": "prod-public-a" }
            }
            """);

        var group = resources.Single(resource => resource.Type == "aws_security_group");
        (group.Name, group.Status).ShouldBe(("web", "active"));
        group.Attributes.ShouldEqualJson("""
            {
              "id": "sg-0123456789abcdef0", "arn": "arn:aws:ec2:us-east-1:123456789012:security-group/sg-0123456789abcdef0",
              "name": "web", "description": "Web servers", "vpc_id": "vpc-0a1b2c3d4e5f60001", "owner_id": "123456789012",
              "ingress": [
                { "protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["10.0.0.0/16", "10.10.0.0/16"],
                  "ipv6_cidr_blocks": [], "prefix_list_ids": [], "security_groups": ["sg-0fedcba9876543210"], "self": true },
                { "protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"],
                  "ipv6_cidr_blocks": ["::/0"], "prefix_list_ids": [], "security_groups": [], "self": false }
              ],
              "egress": [
                { "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"],
                  "ipv6_cidr_blocks": [], "prefix_list_ids": [], "security_groups": [], "self": false }
              ],
              "tags": { "env": "prod" }
            }
            """);

        var root = resources.Single(resource => resource.NativeId == "vol-0a1b2c3d4e5f60001");
        (root.Name, root.Status).ShouldBe(("vol-0a1b2c3d4e5f60001", "in-use"));
        root.Attributes["attachments"].ShouldEqualJson("""[{ "instance_id": "i-0a1b2c3d4e5f60001", "device": "/dev/xvda" }]""");
        var scratch = resources.Single(resource => resource.NativeId == "vol-0a1b2c3d4e5f60002");
        (scratch.Name, scratch.Status).ShouldBe(("scratch-data", "available"));
        scratch.Attributes.ShouldEqualJson("""
            {
              "id": "vol-0a1b2c3d4e5f60002", "arn": "",
              "availability_zone": "us-east-1b", "size": 100, "type": "io2", "encrypted": false, "iops": 5000,
              "throughput": 0, "kms_key_id": "", "snapshot_id": "", "multi_attach_enabled": false,
              "attachments": [], "tags": { "Name": "scratch-data" }
            }
            """);
    }

    [Fact]
    public async Task DiscoverEc2_InstancesOnTwoPages_SendsNextTokenBackAndLeavesTerminatedOut()
    {
        var resources = await Account.DiscoverAsync("us-east-1", "ec2");

        var pages = Aws.For("DescribeInstances");
        pages.Count.ShouldBe(2);
        pages[0].FormValue("NextToken").ShouldBeNull();
        pages[0].FormValue("MaxResults").ShouldBe("1000");
        pages[1].FormValue("NextToken").ShouldBe(AwsStandIn.InstancesPage2Token);
        resources.Where(resource => resource.Type == "aws_instance").Select(resource => resource.NativeId)
            .ShouldBe(["i-0a1b2c3d4e5f60001", "i-0a1b2c3d4e5f60002"]);
    }

    [Fact]
    public async Task DiscoverEc2_EveryRequest_IsSignedForTheRegionAndTakesOnePermit()
    {
        await Account.DiscoverAsync("eu-central-1", "ec2");

        var requests = Aws.Requests;
        requests.Select(request => request.Operation).ShouldBe(
            ["DescribeVpcs", "DescribeSubnets", "DescribeSecurityGroups", "DescribeVolumes", "DescribeInstances", "DescribeInstances"]);
        foreach (var request in requests)
        {
            var signature = request.AuthorizationMatch;
            signature.Success.ShouldBeTrue(request.Authorization);
            signature.Groups["key"].Value.ShouldBe(AwsTestAccount.AccessKeyId);
            signature.Groups["region"].Value.ShouldBe("eu-central-1");
            signature.Groups["service"].Value.ShouldBe("ec2");
            signature.Groups["headers"].Value.Split(';').ShouldContain("host");
            request.Authorization!.ShouldNotContain(AwsTestAccount.SecretAccessKey);
        }

        Account.Budget.Permits.ShouldBe(Enumerable.Repeat(("eu-central-1", "ec2"), requests.Count));
    }

    [Fact]
    public async Task DiscoverEc2_SessionCredentials_SendsTheSecurityToken()
    {
        using var session = AwsTestAccount.Create(Aws.Url, sessionCredentials: true);

        await session.DiscoverAsync("us-east-1", "ec2");

        Aws.Requests.ShouldAllBe(request => request.SecurityToken == AwsTestAccount.SessionToken);
    }
}
