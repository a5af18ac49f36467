using System.Net;
using System.Text.Json;
using IacPlatform.Drift.Tests.Infrastructure;
using Shouldly;

namespace IacPlatform.Drift.Tests.Api;

/// <summary><c>/summary</c>, <c>/history</c>, <c>/findings</c>, <c>/coverage</c>: bad parameters are 400s, the shapes are the documented ones.</summary>
[Collection(FleetDefinition.Name)]
public sealed class ReportApiTests(DriftFleet fleet)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("days=0")]
    [InlineData("days=366")]
    [InlineData("days=-3")]
    public async Task History_DaysOutOfRange_Returns400NamingDays(string query)
    {
        using var client = fleet.Drift.Viewer();

        using var response = await client.GetAsync("/api/v1/drift/history?" + query, Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "days");
    }

    [Fact]
    public async Task History_UnparsableDays_Returns400()
    {
        using var client = fleet.Drift.Viewer();

        using var response = await client.GetAsync("/api/v1/drift/history?days=week", Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task History_MalformedResourceId_Returns400()
    {
        using var client = fleet.Drift.Viewer();

        using var response = await client.GetAsync("/api/v1/drift/history?resource_id=not-a-uuid", Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "resource_id");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(365)]
    public async Task History_Window_HasOneRowPerDayNewestFirst(int days)
    {
        using var client = fleet.Drift.Viewer();

        var body = await client.GetJsonAsync($"/api/v1/drift/history?days={days}");

        var history = body.GetProperty("history").EnumerateArray().ToList();
        history.Count.ShouldBe(days);
        history[0].GetProperty("date").GetString().ShouldBe(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        body.GetProperty("summary").GetProperty("trend").GetString().ShouldBeOneOf("stable", "increasing", "decreasing");
    }

    [Fact]
    public async Task Summary_UnknownWorkspace_Returns404()
    {
        using var client = fleet.Drift.Viewer();

        using var response = await client.GetAsync("/api/v1/drift/summary?workspace=never-seen-" + Guid.NewGuid().ToString("N")[..6], Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task Summary_AllWorkspaces_HasTheSeedFields()
    {
        using var client = fleet.Drift.Viewer();

        var body = await client.GetJsonAsync("/api/v1/drift/summary");

        foreach (var field in new[] { "total_resources", "resources_with_drift", "drift_percentage", "critical_drifts", "high_drifts", "medium_drifts", "low_drifts" })
        {
            body.TryGetProperty(field, out _).ShouldBeTrue($"{field} missing in {body}");
        }
    }

    [Theory]
    [InlineData("status=in_sync", "status")]
    [InlineData("status=bogus", "status")]
    [InlineData("severity=urgent", "severity")]
    [InlineData("limit=0", "limit")]
    [InlineData("offset=-2", "offset")]
    public async Task Findings_BadFilter_Returns400NamingIt(string query, string field)
    {
        using var client = fleet.Drift.Viewer();

        using var response = await client.GetAsync("/api/v1/drift/findings?" + query, Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", field);
    }

    [Fact]
    public async Task Coverage_UnknownWorkspace_IsAnEmptyList()
    {
        using var client = fleet.Drift.Viewer();

        var body = await client.GetJsonAsync("/api/v1/drift/coverage?workspace=never-seen-" + Guid.NewGuid().ToString("N")[..6]);

        body.GetProperty("workspaces").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("/api/v1/drift/findings")]
    [InlineData("/api/v1/drift/jobs")]
    [InlineData("/api/v1/drift/results")]
    [InlineData("/api/v1/drift/coverage")]
    [InlineData("/api/v1/drift/summary")]
    [InlineData("/api/v1/drift/history")]
    [InlineData("/api/v1/drift/ignore-rules")]
    public async Task WorkspaceFilter_NotAWorkspaceName_Returns400NamingWorkspace(string path)
    {
        using var client = fleet.Drift.Viewer();

        foreach (var name in new[] { "has%20space", "%00", "-dash", new string('w', 91) })
        {
            using var response = await client.GetAsync($"{path}?workspace={name}", Ct);

            await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "workspace");
        }
    }

    [Theory]
    [InlineData("/api/v1/drift/findings?workspace=%00%01")]
    [InlineData("/api/v1/drift/jobs?workspace=%27%3B%20DROP%20TABLE%20detection_jobs%3B--")]
    [InlineData("/api/v1/drift/results?workspace=%F0%9F%92%A5")]
    [InlineData("/api/v1/drift/coverage?workspace=%00")]
    [InlineData("/api/v1/drift/summary?workspace=%00")]
    [InlineData("/api/v1/drift/ignore-rules?workspace=%00&include_expired=true")]
    [InlineData("/api/v1/drift/history?workspace=%00&days=3")]
    public async Task OddQueryValues_AreNever500(string path)
    {
        using var client = fleet.Drift.Viewer();

        using var response = await client.GetAsync(path, Ct);

        ((int)response.StatusCode).ShouldBeLessThan(500, await response.Content.ReadAsStringAsync(Ct));
        if (!response.IsSuccessStatusCode)
        {
            var error = (await response.JsonAsync()).GetProperty("error");
            error.GetProperty("code").ValueKind.ShouldBe(JsonValueKind.String);
        }
    }
}
