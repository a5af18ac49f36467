using IacPlatform.Drift.Engine;
using Shouldly;
using static IacPlatform.Drift.Tests.Engine.Fixtures;

namespace IacPlatform.Drift.Tests.Engine;

public sealed class SeverityTests
{
    [Theory]
    // Network exposure: critical when it opens to the internet, else high.
    [InlineData("aws_security_group", """{"ingress": [{"from_port": 22, "cidr_blocks": ["10.0.0.0/8"]}]}""", """{"ingress": [{"from_port": 22, "cidr_blocks": ["0.0.0.0/0"]}]}""", "ingress.0.cidr_blocks changed critical network-exposure")]
    [InlineData("aws_security_group", """{"ingress": [{"from_port": 22, "ipv6_cidr_blocks": []}]}""", """{"ingress": [{"from_port": 22, "ipv6_cidr_blocks": ["::/0"]}]}""", "ingress.0.ipv6_cidr_blocks added critical network-exposure")]
    [InlineData("aws_security_group", """{"egress": [{"from_port": 0, "cidr_blocks": ["10.0.0.0/8"]}]}""", """{"egress": [{"from_port": 0, "cidr_blocks": ["10.1.0.0/16"]}]}""", "egress.0.cidr_blocks changed high network-exposure")]
    [InlineData("aws_db_instance", """{"publicly_accessible": false}""", """{"publicly_accessible": true}""", "publicly_accessible added critical network-exposure")]
    [InlineData("aws_instance", """{"associate_public_ip_address": false}""", """{"associate_public_ip_address": "true"}""", "associate_public_ip_address added critical network-exposure")]
    [InlineData("aws_s3_bucket_public_access_block", """{"block_public_acls": true}""", """{"block_public_acls": false}""", "block_public_acls removed critical network-exposure")]
    [InlineData("aws_s3_bucket", """{"acl": "private"}""", """{"acl": "public-read"}""", "acl changed critical network-exposure")]
    [InlineData("aws_s3_bucket", """{"acl": "private"}""", """{"acl": "log-delivery-write"}""", "acl changed high network-exposure")]
    [InlineData("azurerm_network_security_group", """{"security_rule": [{"name": "ssh", "source_address_prefix": "10.0.0.0/8"}]}""", """{"security_rule": [{"name": "ssh", "source_address_prefix": "*"}]}""", "security_rule.0.source_address_prefix changed critical network-exposure")]
    [InlineData("google_compute_firewall", """{"source_ranges": ["10.0.0.0/8"]}""", """{"source_ranges": ["0.0.0.0/0"]}""", "source_ranges changed critical network-exposure")]
    [InlineData("aws_instance", """{"vpc_security_group_ids": ["sg-1"]}""", """{"vpc_security_group_ids": ["sg-2"]}""", "vpc_security_group_ids changed high network-exposure")]
    [InlineData("azurerm_linux_virtual_machine", """{"public_ip_address_id": ""}""", """{"public_ip_address_id": "/pip/1"}""", "public_ip_address_id added critical network-exposure")]
    [InlineData("azurerm_storage_account", """{"network_rules": [{"default_action": "Deny"}]}""", """{"network_rules": [{"default_action": "Allow"}]}""", "network_rules.0.default_action changed high network-exposure")]
    [InlineData("google_compute_firewall", """{"allow": [{"protocol": "tcp", "ports": ["22"]}]}""", """{"allow": [{"protocol": "tcp", "ports": ["22", "3389"]}]}""", "allow.0.ports changed high network-exposure")]
    // IAM: high.
    [InlineData("aws_instance", """{"iam_instance_profile": "app"}""", """{"iam_instance_profile": "admin"}""", "iam_instance_profile changed high iam")]
    [InlineData("aws_eks_cluster", """{"role_arn": "arn:role/a"}""", """{"role_arn": "arn:role/b"}""", "role_arn changed high iam")]
    [InlineData("aws_iam_role", """{"assume_role_policy": "{}"}""", """{"assume_role_policy": "{\"a\":1}"}""", "assume_role_policy changed high iam")]
    [InlineData("google_compute_instance", """{"service_account": [{"email": "a@x"}]}""", """{"service_account": [{"email": "b@x"}]}""", "service_account.0.email changed high iam")]
    [InlineData("azurerm_kubernetes_cluster", """{"identity": [{"type": "SystemAssigned"}]}""", """{"identity": [{"type": "UserAssigned"}]}""", "identity.0.type changed high iam")]
    // Encryption: critical when turned off, else high.
    [InlineData("aws_ebs_volume", """{"encrypted": true}""", """{"encrypted": false}""", "encrypted removed critical encryption")]
    [InlineData("aws_ebs_volume", """{"kms_key_id": "k1"}""", """{"kms_key_id": "k2"}""", "kms_key_id changed high encryption")]
    [InlineData("aws_ebs_volume", """{"kms_key_id": "k1"}""", """{"kms_key_id": ""}""", "kms_key_id removed high encryption")]
    [InlineData("aws_s3_bucket", """{"server_side_encryption_configuration": [{"rule": [{"sse_algorithm": "aws:kms"}]}]}""", """{"server_side_encryption_configuration": [{"rule": [{"sse_algorithm": "AES256"}]}]}""", "server_side_encryption_configuration.0.rule.0.sse_algorithm changed high encryption")]
    [InlineData("azurerm_storage_account", """{"min_tls_version": "TLS1_2"}""", """{"min_tls_version": "TLS1_0"}""", "min_tls_version changed high encryption")]
    [InlineData("azurerm_managed_disk", """{"encryption_settings": [{"enabled": true}]}""", """{"encryption_settings": [{"enabled": "disabled"}]}""", "encryption_settings.0.enabled changed critical encryption")]
    // Sizing: medium.
    [InlineData("aws_instance", """{"instance_type": "t3.micro"}""", """{"instance_type": "t3.large"}""", "instance_type changed medium sizing")]
    [InlineData("azurerm_linux_virtual_machine", """{"vm_size": "B2s"}""", """{"vm_size": "D4s"}""", "vm_size changed medium sizing")]
    [InlineData("google_compute_instance", """{"machine_type": "e2-small"}""", """{"machine_type": "e2-large"}""", "machine_type changed medium sizing")]
    [InlineData("aws_eks_node_group", """{"scaling_config": [{"desired_size": 2}]}""", """{"scaling_config": [{"desired_size": 5}]}""", "scaling_config.0.desired_size changed medium sizing")]
    [InlineData("google_container_node_pool", """{"node_count": 3}""", """{"node_count": 1}""", "node_count changed medium sizing")]
    [InlineData("aws_db_instance", """{"allocated_storage": 20}""", """{"allocated_storage": 50}""", "allocated_storage changed medium sizing")]
    [InlineData("aws_ebs_volume", """{"size": 8}""", """{"size": 16}""", "size changed medium sizing")]
    // Everything else: low.
    [InlineData("aws_instance", """{"ami": "ami-1"}""", """{"ami": "ami-2"}""", "ami changed low config")]
    [InlineData("aws_key_pair", """{"public_key": "a"}""", """{"public_key": "b"}""", "public_key changed low config")]
    public void Rate_AttributeClass_GivesRuleAndSeverity(string type, string desired, string observed, string expected) =>
        Lines(Single(Desired(type + ".x", type, "id-1", desired), Observed(type, "id-1", observed))).ShouldBe([expected]);

    [Fact]
    public void Rate_Tag_IsLowUnderTheTagsRule()
    {
        var finding = Single(Desired("aws_vpc.x", "aws_vpc", "vpc-1", """{"tags": {"owner": "a"}}"""), Observed("aws_vpc", "vpc-1", tags: new() { ["owner"] = "b" }));

        Lines(finding).ShouldBe(["tags.owner changed low tags"]);
        finding.Differences[0].Reason.ShouldBe("Rule tags: a tag differs from the state, rated low.");
    }

    [Theory]
    [InlineData("Environment", "prd", "instance_type", "t3.large", "production", "high", "Rule sizing: size or capacity changed, rated medium, raised to high in production.")]
    [InlineData("env", "Production", "associate_public_ip_address", "true", "production", "critical", "Rule network-exposure: the change opens network access to the internet, rated critical, already the highest level in production.")]
    [InlineData("env", "prod-eu-1", "ami", "ami-2", "production", "medium", "Rule config: a setting changed outside Terraform, rated low, raised to medium in production.")]
    [InlineData("stage", "uat", "instance_type", "t3.large", "staging", "medium", "Rule sizing: size or capacity changed, rated medium.")]
    [InlineData("ENV", "dev", "instance_type", "t3.large", "development", "low", "Rule sizing: size or capacity changed, rated medium, lowered to low in development.")]
    [InlineData("tier", "qa", "ami", "ami-2", "test", "low", "Rule config: a setting changed outside Terraform, rated low, already the lowest level in test.")]
    [InlineData("tier", "web", "instance_type", "t3.large", null, "medium", "Rule sizing: size or capacity changed, rated medium.")]
    [InlineData("environment", "sandbox", "iam_instance_profile", "admin", "development", "medium", "Rule iam: identity and access settings changed, rated high, lowered to medium in development.")]
    public void Rate_Environment_AdjustsOneStepAndSaysSo(string tagKey, string tagValue, string key, string actual, string? environment, string severity, string reason)
    {
        var desired = Desired("aws_instance.x", "aws_instance", "i-1",
            $$$"""{"instance_type": "t3.micro", "ami": "ami-1", "associate_public_ip_address": false, "iam_instance_profile": "app", "tags": {"{{{tagKey}}}": "{{{tagValue}}}"}}""");
        var observed = Observed("aws_instance", "i-1", $$"""{"{{key}}": "{{actual}}"}""", tags: new() { [tagKey] = tagValue });

        var finding = Single(desired, observed);

        finding.Environment.ShouldBe(environment);
        var difference = finding.Differences.ShouldHaveSingleItem();
        (difference.Severity, difference.Reason).ShouldBe((severity, reason));
        (finding.Severity, finding.SeverityReason).ShouldBe((severity, reason));
    }

    [Fact]
    public void Rate_EnvironmentFromObservedTags_WhenTheStateHasNone()
    {
        var finding = Single(Desired("aws_instance.x", "aws_instance", "i-1", """{"instance_type": "t3.micro"}"""),
            Observed("aws_instance", "i-1", """{"instance_type": "t3.large"}""", tags: new() { ["Environment"] = "production" }));

        finding.Environment.ShouldBe("production");
        Lines(finding).ShouldBe(["instance_type changed high sizing", "tags.Environment added medium tags"]);
    }

    [Fact]
    public void Rate_DesiredEnvironmentTag_WinsOverObservedAndOverLowerPriorityKeys()
    {
        var finding = Single(Desired("aws_instance.x", "aws_instance", "i-1", """{"tags": {"tier": "dev", "env": "prod"}}"""),
            Observed("aws_instance", "i-1", tags: new() { ["tier"] = "dev", ["env"] = "dev" }));

        finding.Environment.ShouldBe("production");
    }

    [Fact]
    public void Rate_Resource_TakesTheHighestDifferenceAndItsRule()
    {
        var finding = Single(
            Desired("aws_instance.x", "aws_instance", "i-1", """{"ami": "ami-1", "instance_type": "t3.micro", "iam_instance_profile": "a", "vpc_security_group_ids": ["sg-1"], "tags": {"a": "1"}}"""),
            Observed("aws_instance", "i-1", """{"ami": "ami-2", "instance_type": "t3.large", "iam_instance_profile": "b", "vpc_security_group_ids": ["sg-2"]}""", tags: new() { ["a"] = "2" }));

        finding.Status.ShouldBe(DriftStatuses.Drifted);
        (finding.Severity, finding.SeverityRule).ShouldBe((Severities.High, "iam"));
        finding.SeverityReason.ShouldBe("Rule iam: identity and access settings changed, rated high.");
        Lines(finding).ShouldBe(
        [
            "ami changed low config", "iam_instance_profile changed high iam", "instance_type changed medium sizing", "tags.a changed low tags",
            "vpc_security_group_ids changed high network-exposure",
        ]);
    }

    [Fact]
    public void Rate_Difference_KeepsExpectedAndActualValuesDetached()
    {
        var finding = Single(Desired("aws_instance.x", "aws_instance", "i-1", """{"instance_type": "t3.micro"}"""),
            Observed("aws_instance", "i-1", """{"instance_type": "t3.large"}"""));

        var difference = finding.Differences.ShouldHaveSingleItem();
        difference.Expected!.GetValue<string>().ShouldBe("t3.micro");
        difference.Actual!.GetValue<string>().ShouldBe("t3.large");
        difference.Expected.Parent.ShouldBeNull();
        difference.Actual.Parent.ShouldBeNull();
        difference.IgnoredBy.ShouldBeNull();
    }
}
