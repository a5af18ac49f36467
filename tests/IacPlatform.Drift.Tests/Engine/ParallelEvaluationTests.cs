using System.Text.Json.Nodes;
using IacPlatform.Drift.Engine;
using Shouldly;
using static IacPlatform.Drift.Tests.Engine.Fixtures;

namespace IacPlatform.Drift.Tests.Engine;

public sealed class ParallelEvaluationTests
{
    [Fact]
    public void Compare_OnAllCoresAndOnOne_GivesTheSameReport()
    {
        var desired = new List<DesiredResource>();
        var observed = new List<ObservedResource>();
        for (var i = 0; i < 3_000; i++)
        {
            var env = (i % 3) switch { 0 => "prod", 1 => "dev", _ => "staging" };
            desired.Add(Desired($"module.m{i % 7}.aws_instance.web[{i}]", "aws_instance", $"i-{i}",
                $$$"""{"instance_type": "t3.micro", "vpc_security_group_ids": ["sg-1", "sg-2"], "tags": {"env": "{{{env}}}"}}"""));
            if (i % 10 == 9)
            {
                continue;
            }

            var type = i % 4 == 0 ? "t3.large" : "t3.micro";
            observed.Add(Observed("aws_instance", $"i-{i}", $$"""{"instance_type": "{{type}}", "vpc_security_group_ids": ["sg-2", "sg-1"]}""",
                tags: new() { ["env"] = env }, removedAt: i % 50 == 1 ? Now : null));
        }

        // Two desired resources on one row are evaluated apart from the parallel ranges.
        desired.Add(Desired("aws_instance.twin", "aws_instance", "i-0", """{"instance_type": "t3.micro"}"""));
        observed.Add(Observed("aws_instance", "i-extra"));
        var context = Context(rules: [new IgnoreRule(Guid.NewGuid(), null, "module.m1.*", "instance_type", "r", "a", null)]);

        var sequential = DriftEngine.Compare(desired, observed, context, parallelThreshold: int.MaxValue);
        var parallel = DriftEngine.Compare(desired, observed, context, parallelThreshold: 1);

        Describe(parallel).ShouldBe(Describe(sequential));
        parallel.Totals.ShouldBe(sequential.Totals);
        parallel.Score.ShouldBe(sequential.Score);
        parallel.Coverage.ShouldBe(sequential.Coverage);
        // 750 resized, 107 of them ignored in module.m1, plus the twin; 20 missing in production are critical.
        sequential.Totals.ShouldBe(new DriftTotals(Resources: 3_002, InSync: 1_997, Drifted: 644, Missing: 60, Unmanaged: 1, NotObserved: 300,
            Critical: 20, High: 235, Medium: 235, Low: 215));
    }

    private static string[] Describe(DriftReport report) =>
    [
        .. report.Findings.Select(f => $"{f.Status}|{f.Address}|{f.NativeId}|{f.Severity}|{f.Score}|{f.Environment}|"
            + string.Join(",", f.Differences.Select(d => $"{d.Path}:{d.Severity}:{JsonNode.DeepEquals(d.Expected, d.Actual)}"))
            + "|" + string.Join(",", f.IgnoredDifferences.Select(d => d.Path))),
    ];
}
