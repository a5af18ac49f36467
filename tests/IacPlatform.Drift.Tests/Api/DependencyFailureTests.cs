using System.Net;
using System.Net.Http.Json;
using IacPlatform.Drift.Tests.Infrastructure;

namespace IacPlatform.Drift.Tests.Api;

/// <summary>POST /detect asks State or Inventory about its target; when they fail, the answer is 503, not a 500.</summary>
public sealed class DependencyFailureTests(BrokenNeighbours broken) : IClassFixture<BrokenNeighbours>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Detect_StateRefusesDriftsToken_Returns503ServiceUnavailable()
    {
        using var client = broken.Drift.Operator();

        using var response = await client.PostAsJsonAsync("/api/v1/drift/detect", new { workspace = "prod" }, Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
    }

    [Fact]
    public async Task Detect_InventoryUnreachable_Returns503ServiceUnavailable()
    {
        using var client = broken.Drift.Operator();

        using var response = await client.PostAsJsonAsync("/api/v1/drift/detect", new { resource_id = Guid.NewGuid() }, Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
    }
}
