using IacPlatform.State.Logs;
using Shouldly;

namespace IacPlatform.State.Tests.Unit.Logs;

public sealed class TerraformTextLogTests
{
    [Fact]
    public void Parse_TextApply_ReadsProgressLinesAndSummary()
    {
        var summary = TerraformLogParser.Parse(LogSamples.Terraform("apply.txt"));

        summary.Format.ShouldBe("text");
        summary.Operation.ShouldBe("apply");
        summary.Status.ShouldBe("success");
        summary.Resources.ShouldBe(new TerraformResourceCounts(1, 2, 2, null, 5));
        summary.Changes.Select(c => (c.Address, c.Action, c.Module)).ShouldBe(
        [
            ("module.compute.terraform_data.web[1]", "delete", "compute"),
            ("terraform_data.a", "update", "root"),
            ("module.networking.terraform_data.vpc", "replace", "networking"),
            ("module.networking.terraform_data.subnet", "update", "networking"),
        ]);
        summary.Modules.ShouldBe(["root", "compute", "networking"]);
        summary.DurationSeconds.ShouldBeNull();
    }

    [Fact]
    public void Parse_TextPlanWithAnsiColours_ReadsPlanHeaders()
    {
        var summary = TerraformLogParser.Parse(LogSamples.Terraform("plan_color.txt"));

        summary.Format.ShouldBe("text");
        summary.Operation.ShouldBe("plan");
        summary.Status.ShouldBe("success");
        summary.Resources.ShouldBe(new TerraformResourceCounts(1, 2, 2, null, 5));
        summary.Changes.Select(c => (c.Address, c.Action)).ShouldBe(
        [
            ("terraform_data.a", "update"),
            ("module.compute.terraform_data.web[1]", "delete"),
            ("module.networking.terraform_data.subnet", "update"),
            ("module.networking.terraform_data.vpc", "replace"),
        ]);
        summary.Modules.ShouldBe(["root", "networking", "compute"]);
    }

    [Fact]
    public void Parse_TextPlanFailedInColourBox_FailsWithDiagnostic()
    {
        var summary = TerraformLogParser.Parse(LogSamples.Terraform("plan_failed_color.txt"));

        summary.Operation.ShouldBe("plan");
        summary.Status.ShouldBe("failed");
        summary.Diagnostics.ShouldBe(
            [new TerraformDiagnostic("error", "Resource precondition failed", "The change gate was not approved.", null)]);
    }

    [Fact]
    public void Parse_TextApplyFailed_CountsCompletedWorkAndKeepsPlan()
    {
        var summary = TerraformLogParser.Parse(LogSamples.Terraform("apply_failed.txt"));

        summary.Operation.ShouldBe("apply");
        summary.Status.ShouldBe("failed");
        summary.Resources.ShouldBe(new TerraformResourceCounts(0, 1, 0, null, 1));
        summary.Changes.Select(c => (c.Address, c.Action)).ShouldBe([("terraform_data.a", "update"), ("terraform_data.gate", "create")]);
        summary.Diagnostics.ShouldHaveSingleItem().Detail.ShouldBe("The change gate was not approved.");
    }

    [Fact]
    public void Parse_TextDestroy_IsDestroyOperation()
    {
        var summary = TerraformLogParser.Parse(LogSamples.Terraform("destroy.txt"));

        summary.Operation.ShouldBe("destroy");
        summary.Status.ShouldBe("success");
        summary.Resources.ShouldBe(new TerraformResourceCounts(0, 0, 4, null, 4));
        summary.Changes.Count.ShouldBe(4);
        summary.Changes.ShouldAllBe(c => c.Action == "delete");
    }

    [Fact]
    public void Parse_TextPlanWithoutChanges_IsNoChanges()
    {
        var summary = TerraformLogParser.Parse(LogSamples.Terraform("plan_no_changes.txt"));

        summary.Operation.ShouldBe("plan");
        summary.Status.ShouldBe("no_changes");
        summary.Resources.Total.ShouldBe(0);
        summary.Modules.ShouldBe(["root", "networking", "compute"]);
    }

    [Fact]
    public void Parse_Seed001TimestampedLines_TakesDurationFromTimestamps()
    {
        var summary = TerraformLogParser.Parse(LogSamples.Terraform("seed001_timestamped.txt"));

        summary.Format.ShouldBe("text");
        summary.Operation.ShouldBe("apply");
        summary.Status.ShouldBe("success");
        summary.DurationSeconds.ShouldBe(48);
        summary.Resources.ShouldBe(new TerraformResourceCounts(3, 0, 0, null, 3));
        summary.Changes.ShouldHaveSingleItem().ShouldBe(new TerraformChange("aws_instance.web", "create", null, null, "root"));
        summary.Modules.ShouldBe(["root"]);
    }

    [Fact]
    public void Parse_TextWithImportsAndNestedModules_ReadsEveryCount()
    {
        const string log = """
            2024-01-15T15:30:00.0000000Z Terraform v1.9.8
            2024-01-15T15:30:01.0000000Z module.app["eu"].module.db.aws_db_instance.main: Importing... [id=db-1]
            2024-01-15T15:30:02.0000000Z module.app["eu"].module.db.aws_db_instance.main: Import complete [id=db-1]
            2024-01-15T15:30:03.5000000Z Apply complete! Resources: 1 imported, 0 added, 0 changed, 0 destroyed.
            """;

        var summary = TerraformLogParser.Parse(log);

        summary.TerraformVersion.ShouldBe("1.9.8");
        summary.Resources.ShouldBe(new TerraformResourceCounts(0, 0, 0, 1, 0));
        summary.Status.ShouldBe("success");
        summary.Modules.ShouldBe(["app.db"]);
        summary.DurationSeconds.ShouldBe(3.5);
    }

    [Fact]
    public void Parse_PlainDiagnosticWithResourceContext_KeepsAddressAndDetail()
    {
        const string log = """
            aws_instance.web: Creating...

            Error: creating EC2 Instance: InvalidAMIID.NotFound

              with aws_instance.web,
              on main.tf line 10, in resource "aws_instance" "web":
              10: resource "aws_instance" "web" {

            The image id '[ami-12345]' does not exist.
            """;

        var summary = TerraformLogParser.Parse(log);

        summary.Status.ShouldBe("failed");
        summary.Operation.ShouldBe("apply");
        summary.Diagnostics.ShouldBe(
        [
            new TerraformDiagnostic(
                "error", "creating EC2 Instance: InvalidAMIID.NotFound", "The image id '[ami-12345]' does not exist.", "aws_instance.web"),
        ]);
    }
}
