using IacPlatform.Inventory.Compliance;
using Shouldly;
using static IacPlatform.Inventory.Compliance.ComplianceStatuses;

namespace IacPlatform.Inventory.Tests.Compliance;

public sealed class ComplianceReportTests
{
    [Fact]
    public void From_AllApplicablePass_IsCompliantWithScore100()
    {
        var report = ComplianceReport.From([Check(Pass), Check(Pass), Check(NotApplicable)]);
        report.OverallStatus.ShouldBe(Compliant);
        report.Score.ShouldBe(100);
    }

    [Fact]
    public void From_TwoOfThreePass_IsNonCompliantWithRoundedScore()
    {
        var report = ComplianceReport.From([Check(Pass), Check(Pass), Check(Fail), Check(NotApplicable)]);
        report.OverallStatus.ShouldBe(NonCompliant);
        report.Score.ShouldBe(67);
    }

    [Fact]
    public void From_HalfPass_RoundsAwayFromZero()
    {
        ComplianceReport.From([.. Enumerable.Repeat(Check(Pass), 1), .. Enumerable.Repeat(Check(Fail), 7)]).Score.ShouldBe(13);
        ComplianceReport.From([Check(Pass), Check(Fail)]).Score.ShouldBe(50);
    }

    [Fact]
    public void From_NothingApplicable_IsNotApplicableWithoutScore()
    {
        var report = ComplianceReport.From([Check(NotApplicable)]);
        report.OverallStatus.ShouldBe(NotApplicable);
        report.Score.ShouldBeNull();
    }

    [Fact]
    public void Evaluate_UnknownType_ReportsTheFourCoreChecksAsNotApplicable()
    {
        var report = ComplianceAssert.Evaluate("aws_route53_zone", """{"name": "example.com"}""");
        report.Checks.Select(c => c.Name).ShouldBe(CheckNames.Core);
        report.Checks.ShouldAllBe(c => c.Status == NotApplicable);
        report.OverallStatus.ShouldBe(NotApplicable);
    }

    [Fact]
    public void Evaluate_DefaultElements_DoNotThrow()
    {
        var report = ComplianceEvaluator.Evaluate("aws_instance", default, default);
        report.Checks.Count.ShouldBeGreaterThanOrEqualTo(4);
        report.OverallStatus.ShouldBe(NonCompliant);
    }

    [Fact]
    public void Evaluate_CoreChecksComeFirst_ThenTheTypesExtras()
    {
        var report = ComplianceAssert.Evaluate("google_storage_bucket", "{}");
        report.Checks.Take(4).Select(c => c.Name).ShouldBe(CheckNames.Core);
        report.Checks.Skip(4).Select(c => c.Name).ShouldBe([CheckNames.UniformBucketLevelAccess]);
    }

    private static ComplianceCheck Check(string status) => new("x", status, "d");
}
