using IacPlatform.State.Runs;
using Shouldly;
using static IacPlatform.State.Tests.Api.Runs.RunRequests;

namespace IacPlatform.State.Tests.Api.Runs;

public sealed class MissingTerraformTests(NoTerraformRunsFixture fixture) : IClassFixture<NoTerraformRunsFixture>
{
    [Fact]
    public async Task Create_NoTerraformOnPath_JobFailsSayingWhatToInstall()
    {
        var client = fixture.App.Operator();
        var accepted = await client.ProvisionAsync(NewName());

        var job = await client.WaitForJobAsync((string)accepted["task_id"]!);

        ((string?)job["status"]).ShouldBe("failed");
        ((string?)job["message"]).ShouldBe("Neither terraform nor tofu was found on the PATH; install one or set State:Runs:Executable.");
        job["exit_code"].ShouldBeNull();
        ((string?)(await client.GetJsonAsync($"{Resources}/{accepted["id"]}"))["status"]).ShouldBe("failed");
        (await client.GetLogAsync((string)accepted["task_id"]!)).ShouldContain(TerraformLocator.NotFoundMessage);
    }
}
