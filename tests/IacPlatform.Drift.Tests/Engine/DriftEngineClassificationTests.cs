using IacPlatform.Drift.Engine;
using Shouldly;
using static IacPlatform.Drift.Tests.Engine.Fixtures;

namespace IacPlatform.Drift.Tests.Engine;

public sealed class DriftEngineClassificationTests
{
    [Fact]
    public void Compare_SameIdUnderAnotherModuleAndKey_MatchesByTypeAndId()
    {
        var desired = Desired("module.a.module.b.aws_instance.web[\"blue\"]", "aws_instance", "i-1", """{"instance_type": "t3.micro"}""");
        var observed = Observed("aws_instance", "i-1", """{"instance_type": "t3.micro"}""");

        var finding = Single(desired, observed);

        finding.Status.ShouldBe(DriftStatuses.InSync);
        finding.Address.ShouldBe("module.a.module.b.aws_instance.web[\"blue\"]");
        finding.ResourceId.ShouldBe(observed.Id);
        finding.AccountId.ShouldBe(Account);
        finding.Region.ShouldBe("eu-west-1");
        finding.Severity.ShouldBe(Severities.None);
        finding.SeverityRule.ShouldBeNull();
        finding.Score.ShouldBe(0);
        finding.ObservedAt.ShouldBe(observed.UpdatedAt);
    }

    [Fact]
    public void Compare_SameIdOfAnotherType_DoesNotMatch()
    {
        var report = DriftEngine.Compare([Desired("aws_ebs_volume.v", "aws_ebs_volume", "x-1")], [Observed("aws_instance", "x-1")], Context());

        report.Findings.Select(f => $"{f.Status} {f.Type}").ShouldBe(["unmanaged aws_instance", "not_observed aws_ebs_volume"]);
    }

    [Fact]
    public void Compare_IdInOtherLetterCase_Matches()
    {
        var id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet";

        Single(Desired("azurerm_virtual_network.v", "azurerm_virtual_network", id), Observed("azurerm_virtual_network", id.ToLowerInvariant()))
            .Status.ShouldBe(DriftStatuses.InSync);
    }

    [Fact]
    public void Compare_EveryStatus_ClassifiesAndCounts()
    {
        var desired = new[]
        {
            Desired("aws_instance.same", "aws_instance", "i-same", """{"instance_type": "t3.micro"}"""),
            Desired("aws_instance.changed", "aws_instance", "i-changed", """{"instance_type": "t3.micro"}"""),
            Desired("aws_instance.gone", "aws_instance", "i-gone"),
            Desired("aws_iam_role.never", "aws_iam_role", "role-1"),
        };
        var observed = new[]
        {
            Observed("aws_instance", "i-same", """{"instance_type": "t3.micro"}"""),
            Observed("aws_instance", "i-changed", """{"instance_type": "t3.large"}"""),
            Observed("aws_instance", "i-gone", removedAt: Now.AddHours(-1)),
            Observed("aws_instance", "i-extra"),
            Observed("aws_instance", "i-other-state"),
            Observed("aws_instance", "i-removed-extra", removedAt: Now.AddHours(-2)),
        };

        var report = DriftEngine.Compare(desired, observed, Context(managedElsewhere: new HashSet<(string, string)> { ("aws_instance", "i-other-state") }));

        report.Findings.Select(f => $"{f.Status} {f.NativeId} {f.Severity} {f.SeverityRule}").ShouldBe(
        [
            "missing i-gone high missing",
            "drifted i-changed medium sizing",
            "unmanaged i-extra medium unmanaged",
            "not_observed role-1 none ",
            "in_sync i-same none ",
        ]);
        report.Totals.ShouldBe(new DriftTotals(Resources: 5, InSync: 1, Drifted: 1, Missing: 1, Unmanaged: 1, NotObserved: 1,
            Critical: 0, High: 1, Medium: 2, Low: 0));
        var missing = report.Findings[0];
        missing.ObservedAt.ShouldBe(Now.AddHours(-1));
        missing.Score.ShouldBe(0.7);
        missing.SeverityReason.ShouldBe("Rule missing: the resource is in the state but the inventory saw it deleted, rated high.");
        var unmanaged = report.Findings[2];
        unmanaged.Address.ShouldBeNull();
        unmanaged.Workspace.ShouldBeNull();
        unmanaged.Score.ShouldBe(0.4);
        unmanaged.SeverityReason.ShouldBe("Rule unmanaged: the resource runs in a covered account but no Terraform state manages it, rated medium.");
        var notObserved = report.Findings[3];
        (notObserved.ResourceId, notObserved.AccountId, notObserved.Region, notObserved.ObservedAt).ShouldBe((null, null, null, null));
        notObserved.Score.ShouldBe(0);
    }

    [Fact]
    public void Compare_LiveAndRemovedRowsOfOneResource_PrefersTheLiveRow()
    {
        var desired = Desired("aws_instance.web", "aws_instance", "i-1", """{"instance_type": "t3.micro"}""");
        var removed = Observed("aws_instance", "i-1", """{"instance_type": "t3.micro"}""", removedAt: Now.AddDays(-1), updatedAt: Now);
        var live = Observed("aws_instance", "i-1", """{"instance_type": "t3.micro"}""", updatedAt: Now.AddDays(-2));

        var report = DriftEngine.Compare([desired], [removed, live], Context());

        report.Findings.ShouldHaveSingleItem().ResourceId.ShouldBe(live.Id);
        report.Findings[0].Status.ShouldBe(DriftStatuses.InSync);
    }

    [Fact]
    public void Compare_TwoDesiredWithOneId_BothMatchAndNothingIsUnmanaged()
    {
        var observed = Observed("aws_vpc", "vpc-1");

        var report = DriftEngine.Compare(
            [Desired("module.a.aws_vpc.v", "aws_vpc", "vpc-1"), Desired("module.b.aws_vpc.v", "aws_vpc", "vpc-1")], [observed], Context());

        report.Findings.Select(f => $"{f.Status} {f.Address}").ShouldBe(["in_sync module.a.aws_vpc.v", "in_sync module.b.aws_vpc.v"]);
    }

    [Fact]
    public void Compare_MissingInProduction_IsCritical()
    {
        var finding = Single(Desired("aws_vpc.v", "aws_vpc", "vpc-1", """{"tags": {"Environment": "production"}}"""),
            Observed("aws_vpc", "vpc-1", removedAt: Now));

        (finding.Status, finding.Severity, finding.Score, finding.Environment).ShouldBe((DriftStatuses.Missing, Severities.Critical, 1.0, "production"));
        finding.SeverityReason.ShouldBe("Rule missing: the resource is in the state but the inventory saw it deleted, rated high, raised to critical in production.");
    }

    [Fact]
    public void Compare_UnmanagedInDevelopment_IsLow()
    {
        var report = DriftEngine.Compare([], [Observed("aws_instance", "i-dev", tags: new() { ["env"] = "dev" })], Context());

        var finding = report.Findings.ShouldHaveSingleItem();
        (finding.Status, finding.Severity, finding.Score, finding.Environment).ShouldBe((DriftStatuses.Unmanaged, Severities.Low, 0.15, "development"));
        finding.SeverityReason.ShouldBe("Rule unmanaged: the resource runs in a covered account but no Terraform state manages it, rated medium, lowered to low in development.");
    }

    [Fact]
    public void Compare_ConfigCheck_ComparesAttributesAndLeavesOutMissingAndUnmanaged()
    {
        var report = DriftEngine.Compare(
            [Desired("aws_instance.a", "aws_instance", "i-a", """{"instance_type": "t3.micro"}"""), Desired("aws_instance.b", "aws_instance", "i-b"),
                Desired("aws_instance.c", "aws_instance", "i-c")],
            [Observed("aws_instance", "i-a", """{"instance_type": "t3.large"}"""), Observed("aws_instance", "i-b", removedAt: Now), Observed("aws_instance", "i-x")],
            Context(CheckTypes.Config));

        report.Findings.Select(f => $"{f.Status} {f.NativeId}").ShouldBe(["drifted i-a", "not_observed i-c"]);
        report.Totals.ShouldBe(new DriftTotals(2, 0, 1, 0, 0, 1, 0, 0, 1, 0));
        report.Coverage.Single(c => c.Dimension == "type").ShouldBe(new CoverageRow("type", "aws_instance", 1, 1, 50));
    }

    [Fact]
    public void Compare_ResourceCheck_SkipsAttributesAndReportsMissingAndUnmanaged()
    {
        var report = DriftEngine.Compare(
            [Desired("aws_instance.a", "aws_instance", "i-a", """{"instance_type": "t3.micro", "tags": {"a": "1"}}"""), Desired("aws_instance.b", "aws_instance", "i-b")],
            [Observed("aws_instance", "i-a", """{"instance_type": "t3.large"}"""), Observed("aws_instance", "i-b", removedAt: Now), Observed("aws_instance", "i-x")],
            Context(CheckTypes.Resource));

        report.Findings.Select(f => $"{f.Status} {f.NativeId} {f.Differences.Count}").ShouldBe(["missing i-b 0", "unmanaged i-x 0", "in_sync i-a 0"]);
    }

    [Fact]
    public void Compare_SecurityCheck_KeepsOnlySecurityRatedDifferences()
    {
        var desired = Desired("aws_instance.a", "aws_instance", "i-a",
            """{"instance_type": "t3.micro", "iam_instance_profile": "app", "vpc_security_group_ids": ["sg-1"], "tags": {"a": "1"}}""");
        var observed = Observed("aws_instance", "i-a",
            """{"instance_type": "t3.large", "iam_instance_profile": "admin", "vpc_security_group_ids": ["sg-1", "sg-2"]}""", tags: new() { ["a"] = "2" });

        var security = Single(desired, observed, Context(CheckTypes.Security));
        var all = Single(desired, observed, Context(CheckTypes.All));

        Lines(security).ShouldBe(["iam_instance_profile changed high iam", "vpc_security_group_ids changed high network-exposure"]);
        security.IgnoredDifferences.ShouldBeEmpty();
        Lines(all).ShouldBe(
        [
            "iam_instance_profile changed high iam", "instance_type changed medium sizing", "tags.a changed low tags",
            "vpc_security_group_ids changed high network-exposure",
        ]);
    }

    [Fact]
    public void Compare_SecurityCheckWithOnlyNonSecurityDifferences_IsInSync()
    {
        var finding = Single(Desired("aws_instance.a", "aws_instance", "i-a", """{"instance_type": "t3.micro"}"""),
            Observed("aws_instance", "i-a", """{"instance_type": "t3.large"}"""), Context(CheckTypes.Security));

        finding.Status.ShouldBe(DriftStatuses.InSync);
    }

    [Fact]
    public void Compare_UnknownCheckType_Throws()
    {
        var exception = Should.Throw<ArgumentException>(() => DriftEngine.Compare([], [], Context("deep")));

        exception.Message.ShouldStartWith("Unknown check type 'deep': expected one of all, config, resource, security.");
    }

    [Fact]
    public void Compare_Coverage_CountsLiveObservedPerAccountRegionAndType()
    {
        var other = Guid.Parse("22222222-2222-2222-2222-222222222222");
        var report = DriftEngine.Compare(
            [Desired("aws_instance.a", "aws_instance", "i-a"), Desired("aws_vpc.v", "aws_vpc", "vpc-1")],
            [
                Observed("aws_instance", "i-a"),
                Observed("aws_instance", "i-b"),
                Observed("aws_instance", "i-c", region: "us-east-1", account: other),
                Observed("aws_vpc", "vpc-1", region: "us-east-1"),
                Observed("aws_vpc", "vpc-2", account: other, region: "us-east-1"),
                Observed("aws_vpc", "vpc-gone", removedAt: Now),
            ],
            Context(managedElsewhere: new HashSet<(string, string)> { ("aws_vpc", "vpc-2") }));

        report.Coverage.ShouldBe(
        [
            new CoverageRow("account", Account.ToString(), 2, 1, 66.67),
            new CoverageRow("account", other.ToString(), 1, 1, 50),
            new CoverageRow("region", "eu-west-1", 1, 1, 50),
            new CoverageRow("region", "us-east-1", 2, 1, 66.67),
            new CoverageRow("type", "aws_instance", 1, 2, 33.33),
            new CoverageRow("type", "aws_vpc", 2, 0, 100),
        ]);
    }

    [Fact]
    public void Compare_Findings_AreOrderedBySeverityStatusAndAddress()
    {
        var desired = new[]
        {
            Desired("aws_instance.z", "aws_instance", "i-z"),
            Desired("aws_instance.a", "aws_instance", "i-a"),
            Desired("aws_instance.low", "aws_instance", "i-low", """{"tags": {"a": "1"}}"""),
            Desired("aws_security_group.open", "aws_security_group", "sg-1", """{"ingress": []}"""),
            Desired("aws_instance.m", "aws_instance", "i-m"),
        };
        var observed = new[]
        {
            Observed("aws_instance", "i-z"), Observed("aws_instance", "i-a"), Observed("aws_instance", "i-m", removedAt: Now),
            Observed("aws_instance", "i-low", tags: new() { ["a"] = "2" }),
            Observed("aws_security_group", "sg-1", """{"ingress": [{"from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]}]}"""),
            Observed("aws_instance", "i-u2"), Observed("aws_instance", "i-u1"),
        };

        var report = DriftEngine.Compare(desired, observed, Context());
        var reversed = DriftEngine.Compare([.. desired.Reverse()], [.. observed.Reverse()], Context());

        report.Findings.Select(f => f.Address ?? f.NativeId).ShouldBe(
            ["aws_security_group.open", "aws_instance.m", "i-u1", "i-u2", "aws_instance.low", "aws_instance.a", "aws_instance.z"]);
        reversed.Findings.Select(f => f.Address ?? f.NativeId).ShouldBe(report.Findings.Select(f => f.Address ?? f.NativeId));
    }
}
