using System.Text.Json.Nodes;
using IacPlatform.State.Runs;
using Shouldly;
using static IacPlatform.State.Tests.Api.Runs.RunRequests;

namespace IacPlatform.State.Tests.Api.Runs;

/// <summary>The real terraform (or tofu) against this service's http backend, with a job token; skipped where neither is installed.</summary>
public sealed class RealTerraformTests(RealTerraformRunsFixture fixture) : IClassFixture<RealTerraformRunsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateThenDelete_RealTerraform_AppliesThroughBackendAndDestroys()
    {
        if (TerraformLocator.Find(null, Environment.GetEnvironmentVariable("PATH"), out _) is null)
        {
            Assert.Skip("Neither terraform nor tofu is on the PATH.");
        }

        const string Hostile = "quote\" backslash\\ ${var.x} %{ if true }x%{ endif } $${ok}\nnext line";
        var client = fixture.App.Operator();
        var created = await client.ProvisionAsync(NewName(), new { size = "small", count = 2, enabled = true, tags = new[] { "a", "b" }, hostile = Hostile });

        var job = await client.WaitForJobAsync((string)created["task_id"]!);

        ((string?)job["status"]).ShouldBe("succeeded", (string?)job["message"] + "\n" + await client.GetLogAsync((string)created["task_id"]!));
        ((string?)job["message"]).ShouldBe("Apply complete! Resources: 1 added, 0 changed, 0 destroyed.");
        var resource = await client.GetJsonAsync($"{Resources}/{created["id"]}");
        ((string?)resource["status"]).ShouldBe("active");
        var output = resource["terraform_output"]!["output"]!;
        ((string?)output["hostile"]).ShouldBe(Hostile);
        ((double?)output["count"]).ShouldBe(2);
        ((bool?)output["enabled"]).ShouldBe(true);
        ((string?)resource["terraform_output"]!["id"]).ShouldNotBeNullOrEmpty();

        var state = await fixture.App.Admin().GetStringAsync($"/api/v1/terraform/workspaces/{resource["workspace"]}/state", Ct);
        var document = JsonNode.Parse(state)!;
        ((string?)document["resources"]![0]!["type"]).ShouldBe("terraform_data");

        var destroy = await (await client.DeleteAsync($"{Resources}/{created["id"]}", Ct)).JsonAsync();
        var destroyed = await client.WaitForJobAsync((string)destroy["task_id"]!);
        ((string?)destroyed["status"]).ShouldBe("succeeded", (string?)destroyed["message"]);
        ((string?)(await client.GetJsonAsync($"{Resources}/{created["id"]}"))["status"]).ShouldBe("destroyed");
        var after = JsonNode.Parse(await fixture.App.Admin().GetStringAsync($"/api/v1/terraform/workspaces/{resource["workspace"]}/state", Ct))!;
        after["resources"]!.AsArray().ShouldBeEmpty();
    }
}
