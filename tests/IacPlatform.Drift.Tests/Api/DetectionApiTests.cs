using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IacPlatform.Drift.Tests.Infrastructure;
using Shouldly;

namespace IacPlatform.Drift.Tests.Api;

/// <summary><c>POST /api/v1/drift/detect</c> and <c>/api/v1/drift/jobs</c>: bad input first, then a job that runs.</summary>
[Collection(FleetDefinition.Name)]
public sealed class DetectionApiTests(DriftFleet fleet)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> DetectAsync(object body)
    {
        using var client = fleet.Drift.Operator();
        return await client.PostAsJsonAsync("/api/v1/drift/detect", body, Ct);
    }

    [Fact]
    public async Task Detect_TwoTargets_Returns400()
    {
        using var response = await DetectAsync(new { workspace = "prod", resource_id = Guid.NewGuid() });

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task Detect_WorkspaceAndInfrastructureIdAndStateId_Returns400()
    {
        using var response = await DetectAsync(new { infrastructure_id = "prod", state_id = Guid.NewGuid() });

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task Detect_UnknownCheckType_Returns400NamingCheckType()
    {
        using var response = await DetectAsync(new { workspace = "prod", check_type = "everything" });

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "check_type");
    }

    [Theory]
    [InlineData("resource_id")]
    [InlineData("state_id")]
    public async Task Detect_MalformedId_Returns400NamingIt(string field)
    {
        using var response = await DetectAsync(new Dictionary<string, string> { [field] = "not-a-uuid" });

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", field);
    }

    [Theory]
    [InlineData("workspace", "-starts-with-dash")]
    [InlineData("workspace", "has space")]
    [InlineData("workspace", "a/b")]
    [InlineData("workspace", "")]
    [InlineData("infrastructure_id", "../etc")]
    public async Task Detect_InvalidWorkspaceName_Returns400NamingTheField(string field, string name)
    {
        using var response = await DetectAsync(new Dictionary<string, string> { [field] = name });

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", field);
    }

    [Fact]
    public async Task Detect_TooLongWorkspaceName_Returns400()
    {
        using var response = await DetectAsync(new { workspace = new string('w', 91) });

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "workspace");
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"check_type\": 5}")]
    [InlineData("{\"options\": \"deep\"}")]
    [InlineData("{\"options\": {\"deep_scan\": \"yes\"}}")]
    public async Task Detect_MalformedBody_Returns400(string body)
    {
        using var client = fleet.Drift.Operator();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/v1/drift/detect", content, Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task Detect_UnknownWorkspace_Returns404BecauseStateHasNone()
    {
        using var response = await DetectAsync(new { workspace = "no-such-ws-" + Guid.NewGuid().ToString("N")[..8] });

        await response.ShouldBeErrorAsync(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task Detect_UnknownStateId_Returns404()
    {
        using var response = await DetectAsync(new { state_id = Guid.NewGuid() });

        await response.ShouldBeErrorAsync(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task Detect_UnknownResourceId_Returns404BecauseInventoryHasNone()
    {
        using var response = await DetectAsync(new { resource_id = Guid.NewGuid() });

        await response.ShouldBeErrorAsync(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task Detect_WorkspaceInState_Returns202WithLocationAndTheJobCompletes()
    {
        var state = new SampleState();
        await fleet.PushStateAsync(state.Workspace, state.Json(1));

        using var response = await DetectAsync(new { workspace = state.Workspace, check_type = "all", options = new { deep_scan = true } });

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Ct));
        var body = await response.JsonAsync();
        var jobId = body.GetProperty("job_id").GetGuid();
        body.GetProperty("status").GetString().ShouldBe("started");
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/drift/jobs/{jobId}");
        var job = body.GetProperty("jobs").EnumerateArray().ShouldHaveSingleItem();
        job.GetProperty("trigger").GetString().ShouldBe("manual");
        job.GetProperty("workspace").GetString().ShouldBe(state.Workspace);
        job.GetProperty("requested_by").GetString().ShouldBe("operator-user");

        var polled = await fleet.WaitForJobAsync(jobId, state.Workspace);
        // No inventory account covers these resources: a coverage gap, not drift.
        polled.GetProperty("not_observed").GetInt32().ShouldBe(SampleState.ResourceCount);
        polled.GetProperty("drift_detected").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Jobs_MalformedId_Returns400()
    {
        using var client = fleet.Drift.Viewer();

        using var response = await client.GetAsync("/api/v1/drift/jobs/not-a-uuid", Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "id");
    }

    [Fact]
    public async Task Jobs_UnknownId_Returns404()
    {
        using var client = fleet.Drift.Viewer();

        using var response = await client.GetAsync($"/api/v1/drift/jobs/{Guid.NewGuid()}", Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Theory]
    [InlineData("status=done", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("skip=-5", "offset")]
    public async Task Jobs_BadFilter_Returns400NamingIt(string query, string field)
    {
        using var client = fleet.Drift.Viewer();

        using var response = await client.GetAsync("/api/v1/drift/jobs?" + query, Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", field);
    }

    [Fact]
    public async Task Jobs_List_HasThePlatformListShape()
    {
        using var client = fleet.Drift.Viewer();

        using var response = await client.GetAsync("/api/v1/drift/jobs?status=completed&limit=5&skip=0", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("X-Total-Count").ShouldHaveSingleItem();
        var body = await response.JsonAsync();
        body.GetProperty("jobs").ValueKind.ShouldBe(JsonValueKind.Array);
        body.GetProperty("limit").GetInt32().ShouldBe(5);
        body.GetProperty("offset").GetInt32().ShouldBe(0);
        body.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(0);
    }
}
