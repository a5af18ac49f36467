using System.Net;
using IacPlatform.Drift.Tests.Infrastructure;
using Shouldly;

namespace IacPlatform.Drift.Tests.Api;

/// <summary><c>/api/v1/drift/results</c>: malformed ids, unknown ids and bad filters are 4xx in the platform format.</summary>
[Collection(FleetDefinition.Name)]
public sealed class ResultApiTests(DriftFleet fleet)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_MalformedId_Returns400()
    {
        using var client = fleet.Drift.Viewer();

        using var response = await client.GetAsync("/api/v1/drift/results/not-a-uuid", Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "id");
    }

    [Fact]
    public async Task Get_UnknownId_Returns404()
    {
        using var client = fleet.Drift.Viewer();

        using var response = await client.GetAsync($"/api/v1/drift/results/{Guid.NewGuid()}?include_ignored=true", Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task Get_MalformedIncludeIgnored_Returns400()
    {
        using var client = fleet.Drift.Viewer();

        using var response = await client.GetAsync($"/api/v1/drift/results/{Guid.NewGuid()}?include_ignored=maybe", Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task Delete_MalformedId_Returns400()
    {
        using var client = fleet.Drift.Operator();

        using var response = await client.DeleteAsync("/api/v1/drift/results/not-a-uuid", Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "id");
    }

    [Fact]
    public async Task Delete_UnknownId_Returns404()
    {
        using var client = fleet.Drift.Operator();

        using var response = await client.DeleteAsync($"/api/v1/drift/results/{Guid.NewGuid()}", Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Theory]
    [InlineData("status=bogus", "status")]
    [InlineData("drift_status=bogus", "drift_status")]
    [InlineData("drift_status=not_observed", "drift_status")]
    [InlineData("severity=extreme", "severity")]
    [InlineData("resource_id=not-a-uuid", "resource_id")]
    [InlineData("job_id=42", "job_id")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1000", "limit")]
    [InlineData("offset=-1", "offset")]
    public async Task List_BadFilter_Returns400NamingIt(string query, string field)
    {
        using var client = fleet.Drift.Viewer();

        using var response = await client.GetAsync("/api/v1/drift/results?" + query, Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", field);
    }

    [Theory]
    [InlineData("limit=abc")]
    [InlineData("offset=99999999999")]
    [InlineData("skip=1.5")]
    public async Task List_UnparsableNumber_Returns400(string query)
    {
        using var client = fleet.Drift.Viewer();

        using var response = await client.GetAsync("/api/v1/drift/results?" + query, Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Theory]
    [InlineData("status=pending")]
    [InlineData("status=completed&drift_status=drifted&severity=high")]
    [InlineData("status=in_sync")]
    public async Task List_GoodFilters_Returns200WithTheListShape(string query)
    {
        using var client = fleet.Drift.Viewer();

        using var response = await client.GetAsync("/api/v1/drift/results?" + query, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var body = await response.JsonAsync();
        body.GetProperty("results").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Array);
        body.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(0);
        response.Headers.Contains("X-Total-Count").ShouldBeTrue();
    }
}
