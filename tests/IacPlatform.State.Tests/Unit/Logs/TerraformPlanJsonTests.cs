using System.Text.Json.Nodes;
using IacPlatform.State.Logs;
using Shouldly;

namespace IacPlatform.State.Tests.Unit.Logs;

public sealed class TerraformPlanJsonTests
{
    [Fact]
    public void Parse_ShowJsonOfCreatePlan_CarriesAfterValuesWithUnknownsMarked()
    {
        var summary = TerraformLogParser.Parse(LogSamples.Terraform("show_plan_create.json"));

        summary.Format.ShouldBe("plan_json");
        summary.Operation.ShouldBe("plan");
        summary.Status.ShouldBe("success");
        summary.TerraformVersion.ShouldBe("1.11.4");
        summary.DurationSeconds.ShouldBeNull();
        summary.Resources.ShouldBe(new TerraformResourceCounts(5, 0, 0, 0, 5));
        summary.Modules.ShouldBe(["root", "compute", "networking"]);
        var a = summary.Changes[0];
        a.Address.ShouldBe("terraform_data.a");
        a.Action.ShouldBe("create");
        a.Before.ShouldBeNull();
        JsonNode.DeepEquals(a.After, JsonNode.Parse(
            """{"input":"x","triggers_replace":null,"id":"(known after apply)","output":"(known after apply)"}""")).ShouldBeTrue();
        var web = summary.Changes.Single(c => c.Address == "module.compute.terraform_data.web[0]");
        web.Module.ShouldBe("compute");
        web.After!["input"]!["subnet"]!.GetValue<string>().ShouldBe("(known after apply)");
        web.After["input"]!["instance_type"]!.GetValue<string>().ShouldBe("t3.micro");
    }

    [Fact]
    public void Parse_ShowJsonOfMixedPlan_MapsActionListsAndSkipsNoOps()
    {
        var summary = TerraformLogParser.Parse(LogSamples.Terraform("show_plan_mixed.json"));

        summary.Resources.ShouldBe(new TerraformResourceCounts(1, 2, 2, 0, 5));
        summary.Changes.Select(c => (c.Address, c.Action)).ShouldBe(
        [
            ("terraform_data.a", "update"),
            ("module.compute.terraform_data.web[1]", "delete"),
            ("module.networking.terraform_data.subnet", "update"),
            ("module.networking.terraform_data.vpc", "replace"),
        ]);
        var a = summary.Changes[0];
        a.Before!["input"]!.GetValue<string>().ShouldBe("x");
        a.After!["input"]!.GetValue<string>().ShouldBe("y");
        a.After["output"]!.GetValue<string>().ShouldBe("(known after apply)");
        summary.Changes[1].After.ShouldBeNull();
    }

    [Fact]
    public void Parse_PlanWithSensitiveValues_MasksThemOnBothSides()
    {
        const string plan = """
            {"format_version":"1.2","terraform_version":"1.11.4","resource_changes":[{"address":"module.db.aws_db_instance.main",
             "module_address":"module.db","mode":"managed","type":"aws_db_instance","name":"main",
             "change":{"actions":["update"],
               "before":{"username":"admin","password":"old-secret","tags":{"env":"prod"},"ports":[5432,"hidden"]},
               "after":{"username":"admin","password":"new-secret","tags":{"env":"prod"},"ports":[5432,"hidden"]},
               "after_unknown":{},"before_sensitive":{"password":true,"ports":[false,true]},"after_sensitive":{"password":true,"ports":[false,true]}}}]}
            """;

        var change = TerraformLogParser.Parse(plan).Changes.ShouldHaveSingleItem();

        change.Module.ShouldBe("db");
        change.Before!["password"]!.GetValue<string>().ShouldBe("(sensitive value)");
        change.After!["password"]!.GetValue<string>().ShouldBe("(sensitive value)");
        change.After["ports"]![1]!.GetValue<string>().ShouldBe("(sensitive value)");
        change.After["username"]!.GetValue<string>().ShouldBe("admin");
        change.ToString().ShouldNotContain("secret");
    }

    [Fact]
    public void Parse_PlanWithImportAndErrored_CountsImportAndFails()
    {
        const string plan = """
            {"format_version":"1.2","errored":true,"resource_changes":[
              {"address":"aws_s3_bucket.logs","change":{"actions":["no-op"],"before":{},"after":{},"importing":{"id":"logs"}}},
              {"address":"aws_s3_bucket.moved","previous_address":"aws_s3_bucket.old","change":{"actions":["no-op"]}},
              {"address":"aws_s3_bucket.same","change":{"actions":["no-op"]}},
              {"address":"data.aws_ami.ubuntu","change":{"actions":["read"]}}]}
            """;

        var summary = TerraformLogParser.Parse(plan);

        summary.Status.ShouldBe("failed");
        summary.Resources.ShouldBe(new TerraformResourceCounts(0, 0, 0, 1, 0));
        summary.Changes.Select(c => (c.Address, c.Action)).ShouldBe(
            [("aws_s3_bucket.logs", "import"), ("aws_s3_bucket.moved", "no-op"), ("data.aws_ami.ubuntu", "read")]);
    }

    [Fact]
    public void Parse_PlanWithOnlyNoOps_IsNoChanges()
    {
        var summary = TerraformLogParser.Parse(
            """{"format_version":"1.2","resource_changes":[{"address":"a.b","change":{"actions":["no-op"]}}]}""");

        summary.Status.ShouldBe("no_changes");
        summary.Changes.ShouldBeEmpty();
    }
}
