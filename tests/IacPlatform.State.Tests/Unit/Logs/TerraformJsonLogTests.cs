using IacPlatform.State.Logs;
using Shouldly;

namespace IacPlatform.State.Tests.Unit.Logs;

public sealed class TerraformJsonLogTests
{
    [Fact]
    public void Parse_JsonPlan_ListsPlannedCreatesPerModule()
    {
        var summary = TerraformLogParser.Parse(LogSamples.Terraform("plan.json"));

        summary.Format.ShouldBe("json");
        summary.Operation.ShouldBe("plan");
        summary.Status.ShouldBe("success");
        summary.TerraformVersion.ShouldBe("1.11.4");
        summary.DurationSeconds.ShouldBe(0.031);
        summary.Resources.ShouldBe(new TerraformResourceCounts(5, 0, 0, 0, 5));
        summary.Changes.Select(c => (c.Address, c.Action, c.Module)).ShouldBe(
        [
            ("terraform_data.a", "create", "root"),
            ("module.networking.terraform_data.vpc", "create", "networking"),
            ("module.networking.terraform_data.subnet", "create", "networking"),
            ("module.compute.terraform_data.web[0]", "create", "compute"),
            ("module.compute.terraform_data.web[1]", "create", "compute"),
        ]);
        summary.Changes.ShouldAllBe(c => c.Before == null && c.After == null);
        summary.Modules.ShouldBe(["root", "networking", "compute"]);
        summary.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_JsonApply_CountsFromApplySummary()
    {
        var summary = TerraformLogParser.Parse(LogSamples.Terraform("apply.json"));

        summary.Operation.ShouldBe("apply");
        summary.Status.ShouldBe("success");
        summary.Resources.ShouldBe(new TerraformResourceCounts(5, 0, 0, 0, 5));
        summary.Changes.Count.ShouldBe(5);
        summary.DurationSeconds.ShouldBe(0.031);
    }

    [Fact]
    public void Parse_JsonApplyWithError_FailsWithDiagnosticAndCountsWhatCompleted()
    {
        var summary = TerraformLogParser.Parse(LogSamples.Terraform("apply_failed.json"));

        summary.Operation.ShouldBe("apply");
        summary.Status.ShouldBe("failed");
        summary.Resources.ShouldBe(new TerraformResourceCounts(0, 1, 0, null, 1));
        summary.Changes.Select(c => (c.Address, c.Action)).ShouldBe([("terraform_data.a", "update"), ("terraform_data.gate", "create")]);
        summary.Diagnostics.ShouldBe(
            [new TerraformDiagnostic("error", "Resource precondition failed", "The change gate was not approved.", null)]);
        summary.Modules.ShouldBe(["root", "networking", "compute"]);
    }

    [Fact]
    public void Parse_JsonDestroy_IsDestroyOperation()
    {
        var summary = TerraformLogParser.Parse(LogSamples.Terraform("destroy.json"));

        summary.Operation.ShouldBe("destroy");
        summary.Status.ShouldBe("success");
        summary.Resources.ShouldBe(new TerraformResourceCounts(0, 0, 4, 0, 4));
        summary.Changes.ShouldAllBe(c => c.Action == "delete");
        summary.Changes.Count.ShouldBe(4);
    }

    [Fact]
    public void Parse_JsonPlanWithoutChanges_IsNoChanges()
    {
        var summary = TerraformLogParser.Parse(LogSamples.Terraform("plan_no_changes.json"));

        summary.Operation.ShouldBe("plan");
        summary.Status.ShouldBe("no_changes");
        summary.Resources.Total.ShouldBe(0);
        summary.Changes.ShouldBeEmpty();
        summary.Modules.ShouldBe(["root", "networking", "compute"]);
    }

    [Fact]
    public void Parse_JsonRefresh_IsRefreshOperation()
    {
        var summary = TerraformLogParser.Parse(LogSamples.Terraform("refresh.json"));

        summary.Operation.ShouldBe("refresh");
        summary.Status.ShouldBe("success");
        summary.Changes.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_JsonWithAFewNoiseLines_StillJson()
    {
        var log = "+ terraform apply -json\n" + LogSamples.Terraform("apply.json") + "\nscript finished\n";

        var summary = TerraformLogParser.Parse(log);

        summary.Format.ShouldBe("json");
        summary.Resources.Created.ShouldBe(5);
    }

    [Fact]
    public void Parse_JsonTruncatedBeforeSummary_IsInProgress()
    {
        var lines = LogSamples.Terraform("apply.json").Split('\n');
        var log = string.Join('\n', lines.Where(l => !l.Contains("\"type\":\"change_summary\"", StringComparison.Ordinal)
            && !l.Contains("\"type\":\"outputs\"", StringComparison.Ordinal)).Take(9));

        var summary = TerraformLogParser.Parse(log);

        summary.Operation.ShouldBe("apply");
        summary.Status.ShouldBe("in_progress");
        summary.Resources.Created.ShouldBe(1);
    }

    [Fact]
    public void Parse_JsonReplaceWithoutPlannedChange_InfersReplaceFromHooks()
    {
        const string log = """
            {"@level":"info","@message":"aws_instance.web: Destroying... [id=i-1]","@module":"terraform.ui","@timestamp":"2024-01-15T15:30:00Z","hook":{"resource":{"addr":"aws_instance.web","module":""},"action":"delete"},"type":"apply_start"}
            {"@level":"info","@message":"aws_instance.web: Destruction complete after 1s","@module":"terraform.ui","@timestamp":"2024-01-15T15:30:01Z","hook":{"resource":{"addr":"aws_instance.web","module":""},"action":"delete","elapsed_seconds":1},"type":"apply_complete"}
            {"@level":"info","@message":"aws_instance.web: Creating...","@module":"terraform.ui","@timestamp":"2024-01-15T15:30:01Z","hook":{"resource":{"addr":"aws_instance.web","module":""},"action":"create"},"type":"apply_start"}
            {"@level":"info","@message":"aws_instance.web: Creation complete after 299s [id=i-2]","@module":"terraform.ui","@timestamp":"2024-01-15T15:35:00Z","hook":{"resource":{"addr":"aws_instance.web","module":""},"action":"create","elapsed_seconds":299},"type":"apply_complete"}
            {"@level":"info","@message":"Apply complete! Resources: 1 added, 0 changed, 1 destroyed.","@module":"terraform.ui","@timestamp":"2024-01-15T15:35:00Z","changes":{"add":1,"change":0,"import":0,"remove":1,"operation":"apply"},"type":"change_summary"}
            """;

        var summary = TerraformLogParser.Parse(log);

        summary.Changes.ShouldHaveSingleItem().Action.ShouldBe("replace");
        summary.DurationSeconds.ShouldBe(300);
        summary.Resources.ShouldBe(new TerraformResourceCounts(1, 0, 1, 0, 2));
    }
}
