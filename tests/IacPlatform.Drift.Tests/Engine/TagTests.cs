using IacPlatform.Drift.Engine;
using Shouldly;
using static IacPlatform.Drift.Tests.Engine.Fixtures;

namespace IacPlatform.Drift.Tests.Engine;

public sealed class TagTests
{
    [Fact]
    public void Compare_Tags_ReportsChangedRemovedAndAddedKeys()
    {
        var finding = Single(Desired("aws_vpc.x", "aws_vpc", "vpc-1", """{"tags": {"Name": "main", "Owner": "a", "Team": "net"}}"""),
            Observed("aws_vpc", "vpc-1", tags: new() { ["Name"] = "main", ["Owner"] = "b", ["CostCenter"] = "42" }));

        Lines(finding).ShouldBe(["tags.CostCenter added low tags", "tags.Owner changed low tags", "tags.Team removed low tags"]);
        var changed = finding.Differences[1];
        (changed.Expected!.GetValue<string>(), changed.Actual!.GetValue<string>()).ShouldBe(("a", "b"));
        finding.Differences[0].Expected.ShouldBeNull();
        finding.Differences[2].Actual.ShouldBeNull();
    }

    [Fact]
    public void Compare_TagsAreComparedEvenWhenTheObservedAttributesOmitThem() =>
        Lines(Single(Desired("aws_vpc.x", "aws_vpc", "vpc-1", """{"cidr_block": "10.0.0.0/16", "tags": {"a": "1"}}"""), Observed("aws_vpc", "vpc-1", """{"cidr_block": "10.0.0.0/16"}""")))
            .ShouldBe(["tags.a removed low tags"]);

    [Fact]
    public void Compare_ObservedTagsAttribute_IsNotReportedTwice()
    {
        var finding = Single(Desired("aws_vpc.x", "aws_vpc", "vpc-1", """{"tags": {"a": "1"}, "tags_all": {"a": "1"}}"""),
            Observed("aws_vpc", "vpc-1", """{"tags": {"a": "2"}, "tags_all": {"a": "2"}}""", tags: new() { ["a"] = "2" }));

        Lines(finding).ShouldBe(["tags.a changed low tags"]);
    }

    [Fact]
    public void Compare_ObservedTagsOnlyInAttributes_AreUsed() =>
        Lines(Single(Desired("aws_vpc.x", "aws_vpc", "vpc-1", """{"tags": {"a": "1"}}"""), Observed("aws_vpc", "vpc-1", """{"tags": {"a": "2"}}""")))
            .ShouldBe(["tags.a changed low tags"]);

    [Fact]
    public void Compare_ProviderDefaultTagsAndCloudReservedTags_AreNotAdded()
    {
        var finding = Single(Desired("aws_instance.x", "aws_instance", "i-1", """{"tags": {"Name": "web"}, "tags_all": {"Name": "web", "ManagedBy": "terraform"}}"""),
            Observed("aws_instance", "i-1", tags: new()
            {
                ["Name"] = "web", ["ManagedBy"] = "terraform", ["aws:autoscaling:groupName"] = "asg", ["Extra"] = "x",
            }));

        Lines(finding).ShouldBe(["tags.Extra added low tags"]);
    }

    [Fact]
    public void Compare_DefaultTagWithAnotherValue_IsAdded() =>
        Lines(Single(Desired("aws_instance.x", "aws_instance", "i-1", """{"tags": null, "tags_all": {"ManagedBy": "terraform"}}"""),
                Observed("aws_instance", "i-1", tags: new() { ["ManagedBy"] = "console" })))
            .ShouldBe(["tags.ManagedBy added low tags"]);

    [Fact]
    public void Compare_GoogleLabels_AreTheTags()
    {
        var finding = Single(
            Desired("google_compute_disk.x", "google_compute_disk", "d-1", """{"labels": {"env": "prod"}, "terraform_labels": {"env": "prod", "goog": "x"}, "effective_labels": {"env": "prod"}}"""),
            Observed("google_compute_disk", "d-1", """{"labels": {"env": "dev"}, "effective_labels": {"env": "dev"}}""", tags: new() { ["env"] = "dev", ["goog"] = "x" }));

        Lines(finding).ShouldBe(["tags.env changed medium tags"]);
        finding.Environment.ShouldBe("production");
    }

    [Fact]
    public void Compare_NullTagValue_EqualsAnEmptyOne() =>
        Single(Desired("aws_vpc.x", "aws_vpc", "vpc-1", """{"tags": {"a": null, "n": 5}}"""), Observed("aws_vpc", "vpc-1", tags: new() { ["a"] = "", ["n"] = "5" }))
            .Differences.ShouldBeEmpty();
}
