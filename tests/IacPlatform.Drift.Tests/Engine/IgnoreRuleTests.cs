using IacPlatform.Drift.Engine;
using Shouldly;
using static IacPlatform.Drift.Tests.Engine.Fixtures;

namespace IacPlatform.Drift.Tests.Engine;

public sealed class IgnoreRuleTests
{
    private static readonly DesiredResource Web = Desired("module.app.aws_instance.web[0]", "aws_instance", "i-1",
        """{"instance_type": "t3.micro", "ami": "ami-1", "root_block_device": [{"volume_size": 8}], "ingress": [{"cidr_blocks": ["10.0.0.0/8"]}], "tags": {"Owner": "a", "kubernetes.io/cluster/x": "owned"}}""");

    private static readonly ObservedResource WebObserved = Observed("aws_instance", "i-1",
        """{"instance_type": "t3.large", "ami": "ami-2", "root_block_device": [{"volume_size": 20}], "ingress": [{"cidr_blocks": ["0.0.0.0/0"]}]}""",
        tags: new() { ["Owner"] = "b", ["kubernetes.io/cluster/x"] = "shared" });

    [Theory]
    [InlineData("*", "instance_type", "instance_type")]
    [InlineData("module.app.*", "instance_type", "instance_type")]
    [InlineData("module.app.aws_instance.web[?]", "ami", "ami")]
    [InlineData("*.web[*]", "tags.*", "tags.Owner,tags.kubernetes.io/cluster/x")]
    [InlineData("*", "tags.Owner", "tags.Owner")]
    [InlineData("*", "tags.kubernetes.io/cluster/x", "tags.kubernetes.io/cluster/x")]
    [InlineData("*", "root_block_device.*.volume_size", "root_block_device.0.volume_size")]
    [InlineData("*", "root_block_device.**", "root_block_device.0.volume_size")]
    [InlineData("*", "ingress.**", "ingress.0.cidr_blocks")]
    [InlineData("*", "**", "ami,ingress.0.cidr_blocks,instance_type,root_block_device.0.volume_size,tags.Owner,tags.kubernetes.io/cluster/x")]
    [InlineData("*", "*", "ami,instance_type")]
    [InlineData("*", "inst*", "instance_type")]
    [InlineData("module.other.*", "**", "")]
    [InlineData("aws_instance.web[0]", "**", "")]
    [InlineData("*", "root_block_device", "")]
    [InlineData("*", "tags", "")]
    public void Ignore_AddressAndPathPatterns_MatchAsDocumented(string address, string path, string ignoredPaths)
    {
        var rule = Rule(address, path);

        var finding = Single(Web, WebObserved, Context(rules: [rule]));

        string.Join(',', finding.IgnoredDifferences.Select(d => d.Path)).ShouldBe(ignoredPaths);
        finding.IgnoredDifferences.ShouldAllBe(d => d.IgnoredBy == rule.Id);
        finding.Differences.Select(d => d.Path).Concat(finding.IgnoredDifferences.Select(d => d.Path)).Count().ShouldBe(6);
        finding.Differences.ShouldAllBe(d => d.IgnoredBy == null);
    }

    [Fact]
    public void Ignore_EveryDifference_LeavesTheResourceInSyncButVisible()
    {
        var rule = Rule("*", "**");

        var report = DriftEngine.Compare([Web], [WebObserved], Context(rules: [rule]));

        var finding = report.Findings.ShouldHaveSingleItem();
        (finding.Status, finding.Severity, finding.SeverityRule, finding.Score).ShouldBe((DriftStatuses.InSync, Severities.None, (string?)null, 0.0));
        finding.Differences.ShouldBeEmpty();
        finding.IgnoredDifferences.Count.ShouldBe(6);
        finding.IgnoredDifferences.Single(d => d.Path == "ingress.0.cidr_blocks").Severity.ShouldBe(Severities.Critical);
        report.Totals.InSync.ShouldBe(1);
        report.Totals.Critical.ShouldBe(0);
        report.Score.ShouldBe(0);
    }

    [Fact]
    public void Ignore_TheWorstDifference_RatesTheResourceByTheRest()
    {
        var finding = Single(Web, WebObserved, Context(rules: [Rule("*", "ingress.**"), Rule("*", "instance_type"), Rule("*", "root_block_device.**")]));

        (finding.Status, finding.Severity, finding.SeverityRule).ShouldBe((DriftStatuses.Drifted, Severities.Low, "config"));
        finding.Score.ShouldBe(0.3859);
    }

    [Theory]
    [InlineData(-60, false)]
    [InlineData(0, false)]
    [InlineData(60, true)]
    public void Ignore_Expiry_AppliesOnlyBeforeExpiresAt(int minutesFromNow, bool applies)
    {
        var rule = Rule("*", "instance_type") with { ExpiresAt = Now.AddMinutes(minutesFromNow) };

        var finding = Single(Web, WebObserved, Context(rules: [rule]));

        finding.IgnoredDifferences.Any(d => d.Path == "instance_type").ShouldBe(applies);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("prod", true)]
    [InlineData("staging", false)]
    [InlineData("Prod", false)]
    public void Ignore_Workspace_ScopesTheRule(string? workspace, bool applies)
    {
        var finding = Single(Web, WebObserved, Context(rules: [Rule("*", "instance_type") with { Workspace = workspace }]));

        finding.IgnoredDifferences.Any(d => d.Path == "instance_type").ShouldBe(applies);
    }

    [Fact]
    public void Ignore_SeveralMatchingRules_ReportsTheFirst()
    {
        var first = Rule("*", "ami");
        var second = Rule("*", "**");

        var finding = Single(Web, WebObserved, Context(rules: [first, second]));

        finding.IgnoredDifferences.Single(d => d.Path == "ami").IgnoredBy.ShouldBe(first.Id);
        finding.IgnoredDifferences.Single(d => d.Path == "instance_type").IgnoredBy.ShouldBe(second.Id);
    }

    [Fact]
    public void Ignore_DoesNotApplyToMissingOrUnmanaged()
    {
        var report = DriftEngine.Compare([Desired("aws_vpc.v", "aws_vpc", "vpc-1")],
            [Observed("aws_vpc", "vpc-1", removedAt: Now), Observed("aws_vpc", "vpc-2")], Context(rules: [Rule("*", "**")]));

        report.Findings.Select(f => f.Status).ShouldBe([DriftStatuses.Missing, DriftStatuses.Unmanaged]);
    }

    private static IgnoreRule Rule(string address, string path) => new(Guid.NewGuid(), null, address, path, "known", "ops", null);
}
