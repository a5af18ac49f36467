using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IacPlatform.Drift.Tests.Infrastructure;
using Npgsql;
using Shouldly;

namespace IacPlatform.Drift.Tests.Behaviour;

/// <summary>Jobs from each trigger: a new state version, a check of one inventory resource, checks that run side by side.</summary>
[Collection(FleetDefinition.Name)]
public sealed class DetectionJobTests(DriftFleet fleet)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StateVersionCreated_QueuesAStateVersionJob_AndTheStateIdCanBeChecked()
    {
        var state = new SampleState();

        await fleet.PushStateAsync(state.Workspace, state.Json(serial: 4));

        using var viewer = fleet.Drift.Viewer();
        JsonElement job = default;
        await fleet.WaitForAsync("a completed state_version job", state.Workspace, async () =>
        {
            var jobs = await viewer.GetJsonAsync($"/api/v1/drift/jobs?workspace={state.Workspace}");
            var match = jobs.GetProperty("jobs").EnumerateArray().Where(j => j.GetProperty("trigger").GetString() == "state_version").ToList();
            job = match.FirstOrDefault();
            return match.Count == 1 && job.GetProperty("status").GetString() is "completed" or "failed";
        });
        job.GetProperty("status").GetString().ShouldBe("completed", job.ToString());
        job.GetProperty("requested_by").GetString().ShouldBe("state");
        job.GetProperty("deep_scan").GetBoolean().ShouldBeTrue();
        job.GetProperty("not_observed").GetInt32().ShouldBe(SampleState.ResourceCount);
        var versionId = job.GetProperty("state_id").GetGuid();

        using var operatorClient = fleet.Drift.Operator();
        using var detect = await operatorClient.PostAsJsonAsync("/api/v1/drift/detect", new { state_id = versionId, check_type = "config" }, Ct);

        detect.StatusCode.ShouldBe(HttpStatusCode.Accepted, await detect.Content.ReadAsStringAsync(Ct));
        var queued = (await detect.JsonAsync()).GetProperty("jobs").EnumerateArray().ShouldHaveSingleItem();
        queued.GetProperty("workspace").GetString().ShouldBe(state.Workspace);
        queued.GetProperty("check_type").GetString().ShouldBe("config");
        await fleet.WaitForJobAsync(queued.GetProperty("id").GetGuid(), state.Workspace);
    }

    [Fact]
    public async Task DetectByResourceId_RecordsTheVerdict_AndItsResultCanBeDeleted()
    {
        var scenario = await Scenario.InSyncAsync(fleet);
        var resourceId = await InventoryResourceIdAsync(scenario, scenario.State.VpcId);
        using var operatorClient = fleet.Drift.Operator();

        using var detect = await operatorClient.PostAsJsonAsync("/api/v1/drift/detect", new { resource_id = resourceId }, Ct);

        detect.StatusCode.ShouldBe(HttpStatusCode.Accepted, await detect.Content.ReadAsStringAsync(Ct));
        var jobId = (await detect.JsonAsync()).GetProperty("job_id").GetGuid();
        var job = await fleet.WaitForJobAsync(jobId, scenario.Workspace);
        job.GetProperty("in_sync").GetInt32().ShouldBe(1, job.ToString());
        using var viewer = fleet.Drift.Viewer();
        var results = await viewer.GetJsonAsync($"/api/v1/drift/results?job_id={jobId}");
        var result = results.GetProperty("results").EnumerateArray().ShouldHaveSingleItem();
        result.GetProperty("drift_status").GetString().ShouldBe("in_sync");
        result.GetProperty("address").GetString().ShouldBe(SampleState.VpcAddress);
        result.GetProperty("resource_id").GetGuid().ShouldBe(resourceId);

        using var viewerDelete = await viewer.DeleteAsync($"/api/v1/drift/results/{result.GetProperty("id").GetGuid()}", Ct);
        viewerDelete.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var deleted = await operatorClient.DeleteAsync($"/api/v1/drift/results/{result.GetProperty("id").GetGuid()}", Ct);
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var gone = await viewer.GetAsync($"/api/v1/drift/results/{result.GetProperty("id").GetGuid()}", Ct);
        await gone.ShouldBeErrorAsync(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task ConcurrentChecksOfANewWorkspace_AllComplete()
    {
        var state = new SampleState();
        await fleet.PushStateAsync(state.Workspace, state.Json(serial: 1));
        using var operatorClient = fleet.Drift.Operator();

        // With the state_version job the push queues, these run side by side: each registers the workspace and
        // replaces its copy of the state.
        var detects = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            using var response = await operatorClient.PostAsJsonAsync("/api/v1/drift/detect", new { workspace = state.Workspace }, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Ct));
            return (await response.JsonAsync()).GetProperty("job_id").GetGuid();
        }));

        foreach (var jobId in detects)
        {
            (await fleet.WaitForJobAsync(jobId, state.Workspace)).GetProperty("not_observed").GetInt32()
                .ShouldBe(SampleState.ResourceCount);
        }

        using var viewer = fleet.Drift.Viewer();
        await fleet.WaitForAsync("every job of the workspace to finish", state.Workspace, async () =>
        {
            var jobs = await viewer.GetJsonAsync($"/api/v1/drift/jobs?workspace={state.Workspace}");
            return jobs.GetProperty("jobs").EnumerateArray().All(j => j.GetProperty("status").GetString() is "completed" or "failed");
        });
        var all = await viewer.GetJsonAsync($"/api/v1/drift/jobs?workspace={state.Workspace}");
        all.GetProperty("jobs").EnumerateArray().ShouldAllBe(j => j.GetProperty("status").GetString() == "completed", all.ToString());
    }

    /// <summary>The inventory's id of a resource (what Drift's resource_id means), read from Inventory's database.</summary>
    private async Task<Guid> InventoryResourceIdAsync(Scenario scenario, string nativeId)
    {
        await using var connection = new NpgsqlConnection(fleet.Inventory.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT id FROM resources WHERE account_id = @a AND native_id = @n", connection);
        command.Parameters.AddWithValue("a", scenario.Account);
        command.Parameters.AddWithValue("n", nativeId);
        return (Guid)(await command.ExecuteScalarAsync(Ct))!;
    }
}
