using IacPlatform.Drift.Engine;
using Shouldly;
using static IacPlatform.Drift.Tests.Engine.Fixtures;

namespace IacPlatform.Drift.Tests.Engine;

public sealed class ScoreTests
{
    [Theory]
    [InlineData("""{"ami": "ami-2"}""", null, 0.15)]
    [InlineData("""{"instance_type": "t3.large"}""", null, 0.4)]
    [InlineData("""{"instance_type": "t3.large", "ami": "ami-2"}""", null, 0.49)]
    [InlineData("""{"instance_type": "t3.large", "iam_instance_profile": "admin"}""", null, 0.82)]
    [InlineData("""{"ami": "ami-2", "key_name": "other", "monitoring": true}""", null, 0.3859)]
    [InlineData("""{"associate_public_ip_address": true}""", null, 1.0)]
    [InlineData("""{"instance_type": "t3.large", "iam_instance_profile": "admin"}""", "production", 1.0)]
    [InlineData("""{"instance_type": "t3.large"}""", "production", 0.7)]
    [InlineData("""{"instance_type": "t3.large"}""", "dev", 0.15)]
    public void Score_Resource_CombinesDifferenceWeights(string observed, string? environment, double score)
    {
        var tags = environment is null ? "{}" : $$"""{"env": "{{environment}}"}""";
        var desired = Desired("aws_instance.x", "aws_instance", "i-1",
            $$"""{"ami": "ami-1", "instance_type": "t3.micro", "iam_instance_profile": "app", "key_name": "deploy", "monitoring": false, "associate_public_ip_address": false, "tags": {{tags}}}""");
        var tagMap = environment is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["env"] = environment };

        var finding = Single(desired, Observed("aws_instance", "i-1", observed, tags: tagMap));

        finding.Score.ShouldBe(score);
    }

    [Fact]
    public void Score_MoreDifferences_NeverLowerItAndStayWithinBounds()
    {
        var desired = Desired("aws_instance.x", "aws_instance", "i-1",
            """{"ami": "ami-1", "instance_type": "t3.micro", "key_name": "a", "iam_instance_profile": "app", "associate_public_ip_address": false}""");
        string[] changes = ["\"ami\": \"ami-2\"", "\"key_name\": \"b\"", "\"instance_type\": \"t3.large\"", "\"iam_instance_profile\": \"x\"", "\"associate_public_ip_address\": true"];

        var scores = Enumerable.Range(0, changes.Length + 1)
            .Select(n => Single(desired, Observed("aws_instance", "i-1", "{" + string.Join(", ", changes.Take(n)) + "}")).Score).ToList();

        scores.ShouldBe([0, 0.15, 0.2775, 0.5665, 0.87, 1.0]);
    }

    [Fact]
    public void Score_Workspace_IsTheMeanOverManagedResources()
    {
        var report = DriftEngine.Compare(
            [
                Desired("aws_instance.same", "aws_instance", "i-1"),
                Desired("aws_instance.sized", "aws_instance", "i-2", """{"instance_type": "t3.micro"}"""),
                Desired("aws_instance.gone", "aws_instance", "i-3"),
                Desired("aws_instance.unseen", "aws_instance", "i-4"),
            ],
            [
                Observed("aws_instance", "i-1"), Observed("aws_instance", "i-2", """{"instance_type": "t3.large"}"""),
                Observed("aws_instance", "i-3", removedAt: Now), Observed("aws_instance", "i-extra"),
            ],
            Context());

        report.Findings.Select(f => $"{f.Status} {f.Score}").ShouldBe(["missing 0.7", "drifted 0.4", "unmanaged 0.4", "not_observed 0", "in_sync 0"]);
        report.Score.ShouldBe(0.3667);
    }

    [Fact]
    public void Score_NothingManaged_IsZero() =>
        DriftEngine.Compare([], [Observed("aws_instance", "i-extra")], Context()).Score.ShouldBe(0);
}
