using System.Text.Json.Nodes;
using IacPlatform.Drift.Engine;
using Shouldly;
using static IacPlatform.Drift.Tests.Engine.Fixtures;

namespace IacPlatform.Drift.Tests.Engine;

public sealed class NormalisationTests
{
    [Theory]
    [InlineData("aws_instance", """{"vpc_security_group_ids": ["sg-1", "sg-2"]}""", """{"vpc_security_group_ids": ["sg-2", "sg-1"]}""")]
    [InlineData("aws_vpc", """{"cidr_blocks": ["10.0.0.0/8", "10.1.0.0/16"]}""", """{"cidr_blocks": ["10.1.0.0/16", "10.0.0.0/8"]}""")]
    [InlineData("aws_lb", """{"security_groups": ["a", "b", "c"]}""", """{"security_groups": ["c", "a", "b"]}""")]
    [InlineData("aws_security_group", """{"ingress": [{"from_port": 22, "cidr_blocks": ["10.0.0.0/8"]}, {"from_port": 443, "cidr_blocks": ["10.0.0.0/8", "10.1.0.0/16"]}]}""",
        """{"ingress": [{"from_port": 443, "cidr_blocks": ["10.1.0.0/16", "10.0.0.0/8"]}, {"from_port": 22, "cidr_blocks": ["10.0.0.0/8"]}]}""")]
    [InlineData("azurerm_network_security_group", """{"security_rule": [{"name": "a", "priority": 100}, {"name": "b", "priority": 200}]}""",
        """{"security_rule": [{"name": "b", "priority": 200}, {"name": "a", "priority": 100}]}""")]
    [InlineData("google_compute_firewall", """{"source_ranges": ["1.1.1.1/32", "2.2.2.2/32"], "allow": [{"protocol": "tcp", "ports": ["80", "443"]}]}""",
        """{"source_ranges": ["2.2.2.2/32", "1.1.1.1/32"], "allow": [{"protocol": "tcp", "ports": ["443", "80"]}]}""")]
    [InlineData("google_compute_instance", """{"tags": ["web", "ssh"]}""", """{"tags": ["ssh", "web"]}""")]
    [InlineData("aws_eks_cluster", """{"enabled_cluster_log_types": ["api", "audit"], "vpc_config": [{"subnet_ids": ["s1", "s2"]}]}""",
        """{"enabled_cluster_log_types": ["audit", "api"], "vpc_config": [{"subnet_ids": ["s2", "s1"]}]}""")]
    public void Compare_SetLikeListsInAnotherOrder_AreEqual(string type, string desired, string observed) =>
        Single(Desired(type + ".x", type, "id-1", desired), Observed(type, "id-1", observed)).Differences.ShouldBeEmpty();

    [Fact]
    public void Compare_OrderedListInAnotherOrder_IsChanged()
    {
        var finding = Single(Desired("aws_instance.x", "aws_instance", "i-1", """{"secondary_names": ["a", "b"]}"""),
            Observed("aws_instance", "i-1", """{"secondary_names": ["b", "a"]}"""));

        Lines(finding).ShouldBe(["secondary_names changed low config"]);
        finding.Differences[0].Expected!.ToJsonString().ShouldBe("""["a","b"]""");
        finding.Differences[0].Actual!.ToJsonString().ShouldBe("""["b","a"]""");
    }

    [Fact]
    public void Compare_LargeSetInAnotherOrder_IsEqualAndAMissingItemIsNot()
    {
        var cidrs = Enumerable.Range(0, 200).Select(i => $"10.{i}.0.0/16").ToArray();
        var desired = Desired("aws_vpc.x", "aws_vpc", "vpc-1", new JsonObject { ["cidr_blocks"] = new JsonArray([.. cidrs.Select(c => (JsonNode)c)]) }.ToJsonString());
        var reversed = new JsonObject { ["cidr_blocks"] = new JsonArray([.. cidrs.Reverse().Select(c => (JsonNode)c)]) }.ToJsonString();
        var oneChanged = new JsonObject { ["cidr_blocks"] = new JsonArray([.. cidrs.Skip(1).Append("10.255.0.0/16").Select(c => (JsonNode)c)]) }.ToJsonString();

        Single(desired, Observed("aws_vpc", "vpc-1", reversed)).Differences.ShouldBeEmpty();
        Lines(Single(desired, Observed("aws_vpc", "vpc-1", oneChanged))).ShouldBe(["cidr_blocks changed high network-exposure"]);
    }

    [Theory]
    [InlineData("null", "\"\"")]
    [InlineData("null", "[]")]
    [InlineData("null", "{}")]
    [InlineData("null", "false")]
    [InlineData("\"\"", "null")]
    [InlineData("[]", "null")]
    [InlineData("{}", "[]")]
    [InlineData("false", "\"\"")]
    public void Compare_NullAndEmptyForms_AreEqual(string desired, string observed) =>
        Single(Desired("aws_instance.x", "aws_instance", "i-1", $$"""{"key_name": {{desired}}}"""), Observed("aws_instance", "i-1", $$"""{"key_name": {{observed}}}"""))
            .Differences.ShouldBeEmpty();

    [Theory]
    [InlineData("aws_instance", "tenancy", "\"default\"")]
    [InlineData("aws_instance", "source_dest_check", "true")]
    [InlineData("aws_vpc", "instance_tenancy", "\"default\"")]
    [InlineData("aws_vpc", "enable_dns_support", "true")]
    [InlineData("aws_s3_bucket", "acl", "\"private\"")]
    public void Compare_NullAgainstTheProviderDefault_IsEqual(string type, string key, string value)
    {
        Single(Desired(type + ".x", type, "id-1", $$"""{"{{key}}": null}"""), Observed(type, "id-1", $$"""{"{{key}}": {{value}}}""")).Differences.ShouldBeEmpty();
        Single(Desired(type + ".x", type, "id-1", $$"""{"{{key}}": {{value}}}"""), Observed(type, "id-1", $$"""{"{{key}}": null}""")).Differences.ShouldBeEmpty();
    }

    [Fact]
    public void Compare_NullAgainstANonDefaultValue_IsAddedAndTheReverseRemoved()
    {
        var added = Single(Desired("aws_instance.x", "aws_instance", "i-1", """{"tenancy": null}"""), Observed("aws_instance", "i-1", """{"tenancy": "dedicated"}"""));
        var removed = Single(Desired("aws_instance.x", "aws_instance", "i-1", """{"key_name": "deploy"}"""), Observed("aws_instance", "i-1", """{"key_name": ""}"""));

        Lines(added).ShouldBe(["tenancy added low config"]);
        added.Differences[0].Expected.ShouldBeNull();
        Lines(removed).ShouldBe(["key_name removed low config"]);
    }

    [Theory]
    [InlineData("\"8080\"", "8080")]
    [InlineData("8080", "\"8080\"")]
    [InlineData("\"true\"", "true")]
    [InlineData("false", "\"false\"")]
    [InlineData("8080", "8080.0")]
    [InlineData("\"1.5\"", "1.5")]
    [InlineData("9007199254740993", "\"9007199254740993\"")]
    public void Compare_NumbersAndBooleansAsStrings_AreEqual(string desired, string observed) =>
        Single(Desired("aws_lb_listener.x", "aws_lb_listener", "l-1", $$"""{"port": {{desired}}}"""), Observed("aws_lb_listener", "l-1", $$"""{"port": {{observed}}}"""))
            .Differences.ShouldBeEmpty();

    [Theory]
    [InlineData("\"8080\"", "8081")]
    [InlineData("9007199254740993", "9007199254740992")]
    [InlineData("\"yes\"", "true")]
    [InlineData("1", "true")]
    [InlineData("\"1.0\"", "\"1\"")]
    public void Compare_DifferentScalars_AreChanged(string desired, string observed) =>
        Lines(Single(Desired("aws_lb_listener.x", "aws_lb_listener", "l-1", $$"""{"port": {{desired}}}"""), Observed("aws_lb_listener", "l-1", $$"""{"port": {{observed}}}""")))
            .ShouldBe(["port changed low config"]);

    [Fact]
    public void Compare_OneObjectListAgainstAnObject_ComparesTheObjectOnTerraformsPath()
    {
        var desired = Desired("aws_instance.x", "aws_instance", "i-1", """{"root_block_device": [{"volume_size": 8, "volume_type": "gp3"}]}""");

        Single(desired, Observed("aws_instance", "i-1", """{"root_block_device": {"volume_size": 8, "volume_type": "gp3"}}""")).Differences.ShouldBeEmpty();
        Lines(Single(desired, Observed("aws_instance", "i-1", """{"root_block_device": {"volume_size": 20}}""")))
            .ShouldBe(["root_block_device.0.volume_size changed medium sizing"]);
        Lines(Single(Desired("aws_instance.x", "aws_instance", "i-1", """{"metadata_options": {"http_tokens": "optional"}}"""),
                Observed("aws_instance", "i-1", """{"metadata_options": [{"http_tokens": "required"}]}""")))
            .ShouldBe(["metadata_options.http_tokens changed low config"]);
    }

    [Fact]
    public void Compare_ComputedAndTimestampAttributes_AreIgnored()
    {
        var desired = Desired("aws_instance.x", "aws_instance", "i-1", """
            {"arn": "arn:1", "owner_id": "1", "public_ip": "1.1.1.1", "private_dns": "a", "instance_state": "running", "created_at": "2020",
             "launch_time": "2020", "timeouts": null, "tags_all": {"a": "1"}, "root_block_device": [{"volume_id": "vol-1", "volume_size": 8}],
             "last_modified_date": "x", "create_timestamp": "x"}
            """);
        var observed = Observed("aws_instance", "i-1", """
            {"arn": "arn:2", "owner_id": "2", "public_ip": "2.2.2.2", "private_dns": "b", "instance_state": "stopped", "created_at": "2021",
             "launch_time": "2021", "timeouts": {"create": "10m"}, "tags_all": {"a": "2"}, "root_block_device": [{"volume_id": "vol-2", "volume_size": 8}],
             "last_modified_date": "y", "create_timestamp": "y"}
            """);

        Single(desired, observed).Differences.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("aws_s3_bucket", "bucket_domain_name")]
    [InlineData("aws_security_group", "revoke_rules_on_delete")]
    [InlineData("aws_vpc", "default_route_table_id")]
    [InlineData("aws_subnet", "ipv6_cidr_block_association_id")]
    [InlineData("aws_ebs_volume", "final_snapshot")]
    [InlineData("aws_eks_cluster", "endpoint")]
    [InlineData("aws_eks_cluster", "platform_version")]
    [InlineData("azurerm_virtual_network", "resource_guid")]
    [InlineData("azurerm_linux_virtual_machine", "virtual_machine_id")]
    [InlineData("google_compute_instance", "cpu_platform")]
    [InlineData("google_compute_network", "self_link")]
    public void Compare_PerTypeComputedAttribute_IsIgnored(string type, string key) =>
        Single(Desired(type + ".x", type, "id-1", $$"""{"{{key}}": "a"}"""), Observed(type, "id-1", $$"""{"{{key}}": "b"}""")).Differences.ShouldBeEmpty();

    [Fact]
    public void Compare_ComputedAttributeOfAnotherType_IsCompared() =>
        Lines(Single(Desired("aws_vpc.x", "aws_vpc", "id-1", """{"endpoint": "a"}"""), Observed("aws_vpc", "id-1", """{"endpoint": "b"}""")))
            .ShouldBe(["endpoint changed low config"]);

    [Fact]
    public void Compare_OnlyKeysTheObservedSideReports_AreCompared()
    {
        var desired = Desired("aws_instance.x", "aws_instance", "i-1", """{"instance_type": "t3.micro", "ami": "ami-1", "ebs_block_device": [{"device_name": "/dev/sdb"}]}""");

        Single(desired, Observed("aws_instance", "i-1", """{"instance_type": "t3.micro", "adapter_only": "x"}""")).Differences.ShouldBeEmpty();
    }

    [Fact]
    public void Compare_NestedObjects_ReportLeafPaths()
    {
        var desired = Desired("aws_eks_cluster.x", "aws_eks_cluster", "c-1",
            """{"vpc_config": [{"endpoint_private_access": true, "subnet_ids": ["s1"], "nested": {"deep": [{"a": 1}, {"a": 2}]}}]}""");
        var observed = Observed("aws_eks_cluster", "c-1",
            """{"vpc_config": [{"endpoint_private_access": false, "subnet_ids": ["s1"], "nested": {"deep": [{"a": 1}, {"a": 3}, {"a": 4}]}}]}""");

        Lines(Single(desired, observed)).ShouldBe(
        [
            "vpc_config.0.endpoint_private_access removed low config",
            "vpc_config.0.nested.deep.1.a changed low config",
            "vpc_config.0.nested.deep.2 added low config",
        ]);
    }

    [Fact]
    public void Compare_ChangedRuleInASetOfBlocks_IsReportedInsideTheMostSimilarRule()
    {
        var desired = Desired("aws_security_group.x", "aws_security_group", "sg-1", """
            {"ingress": [
              {"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["10.0.0.0/8"], "description": "https"},
              {"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["10.0.0.0/8"], "description": "ssh"},
              {"protocol": "udp", "from_port": 53, "to_port": 53, "cidr_blocks": ["10.0.0.0/8"], "description": "dns"}]}
            """);
        var observed = Observed("aws_security_group", "sg-1", """
            {"ingress": [
              {"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]},
              {"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["10.0.0.0/8"]},
              {"protocol": "icmp", "from_port": -1, "to_port": -1, "cidr_blocks": ["192.168.0.0/16", "172.16.0.0/12"]}]}
            """);

        var finding = Single(desired, observed);

        Lines(finding).ShouldBe(
        [
            "ingress.1.cidr_blocks changed critical network-exposure",
            "ingress.2 added high network-exposure",
            "ingress.2 removed high network-exposure",
        ]);
        finding.Differences[0].Actual!.ToJsonString().ShouldBe("""["0.0.0.0/0"]""");
    }

    [Fact]
    public void Compare_ElementBackedAndBuiltNodes_CompareAlike()
    {
        var read = StateResources.Read("""
            {"version": 4, "resources": [{"mode": "managed", "type": "aws_instance", "name": "x", "instances": [{"attributes":
              {"id": "i-1", "instance_type": "t3.micro", "ipv6_address_count": 2, "monitoring": false, "vpc_security_group_ids": ["sg-1", "sg-2"], "tags": {"env": "dev"}}}]}]}
            """, "prod");
        var observed = Observed("aws_instance", "i-1",
            """{"instance_type": "t3.micro", "ipv6_address_count": "2", "monitoring": null, "vpc_security_group_ids": ["sg-2", "sg-1"]}""", tags: new() { ["env"] = "dev" });
        var builtObserved = observed with { Attributes = read.Resources[0].Attributes.DeepClone().AsObject() };

        Single(read.Resources[0], observed).Differences.ShouldBeEmpty();
        Single(read.Resources[0], builtObserved).Differences.ShouldBeEmpty();
    }
}
