using System.Net;
using System.Net.Http.Json;
using IacPlatform.Contracts.Security;
using IacPlatform.Drift.Tests.Infrastructure;
using Shouldly;

namespace IacPlatform.Drift.Tests.Api;

/// <summary>Every Drift route wants a token with drift.read; writes want drift.write and at least the operator role.</summary>
[Collection(FleetDefinition.Name)]
public sealed class AuthorizationTests(DriftFleet fleet)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "/api/v1/drift/results" },
        { "GET", $"/api/v1/drift/results/{Guid.NewGuid()}" },
        { "DELETE", $"/api/v1/drift/results/{Guid.NewGuid()}" },
        { "GET", "/api/v1/drift/jobs" },
        { "GET", $"/api/v1/drift/jobs/{Guid.NewGuid()}" },
        { "POST", "/api/v1/drift/detect" },
        { "GET", "/api/v1/drift/summary" },
        { "GET", "/api/v1/drift/history" },
        { "GET", "/api/v1/drift/findings" },
        { "GET", "/api/v1/drift/coverage" },
        { "GET", "/api/v1/drift/ignore-rules" },
        { "POST", "/api/v1/drift/ignore-rules" },
        { "PUT", $"/api/v1/drift/ignore-rules/{Guid.NewGuid()}" },
        { "DELETE", $"/api/v1/drift/ignore-rules/{Guid.NewGuid()}" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task AnyRoute_WithoutToken_Returns401AuthenticationRequired(string method, string path)
    {
        using var client = fleet.Drift.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = JsonContent.Create(new { });
        }

        using var response = await client.SendAsync(request, Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "AUTHENTICATION_REQUIRED");
    }

    [Fact]
    public async Task AnyRoute_WithAForeignToken_Returns401()
    {
        await using var stranger = await Testing.TestTokenIssuer.StartAsync();
        using var client = fleet.Drift.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer",
            stranger.CreateToken(Guid.NewGuid(), "mallory", Roles.Admin, string.Join(' ', ApiScopes.All)));

        using var response = await client.GetAsync("/api/v1/drift/summary", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    public static TheoryData<string, string> Writes => new()
    {
        { "POST", "/api/v1/drift/detect" },
        { "POST", "/api/v1/drift/ignore-rules" },
        { "PUT", $"/api/v1/drift/ignore-rules/{Guid.NewGuid()}" },
        { "DELETE", $"/api/v1/drift/ignore-rules/{Guid.NewGuid()}" },
        { "DELETE", $"/api/v1/drift/results/{Guid.NewGuid()}" },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_AsViewer_Returns403InsufficientPermissions(string method, string path)
    {
        using var client = fleet.Drift.Viewer();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = JsonContent.Create(new { workspace = "w", address_pattern = "*", attribute_path = "tags", reason = "r" });
        }

        using var response = await client.SendAsync(request, Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.Forbidden, "INSUFFICIENT_PERMISSIONS");
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_AsOperatorWithoutDriftWrite_Returns403(string method, string path)
    {
        using var client = fleet.Drift.ClientFor(Roles.Operator, scopes: "drift.read state.write");
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = JsonContent.Create(new { });
        }

        using var response = await client.SendAsync(request, Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.Forbidden, "INSUFFICIENT_PERMISSIONS");
    }

    [Fact]
    public async Task Read_WithoutDriftRead_Returns403()
    {
        using var client = fleet.Drift.ClientFor(Roles.Admin, scopes: "state.read inventory.read");

        using var response = await client.GetAsync("/api/v1/drift/findings", Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.Forbidden, "INSUFFICIENT_PERMISSIONS");
    }

    [Theory]
    [InlineData("/api/v1/drift/results")]
    [InlineData("/api/v1/drift/jobs")]
    [InlineData("/api/v1/drift/summary")]
    [InlineData("/api/v1/drift/history")]
    [InlineData("/api/v1/drift/findings")]
    [InlineData("/api/v1/drift/coverage")]
    [InlineData("/api/v1/drift/ignore-rules")]
    public async Task Read_AsViewer_Returns200(string path)
    {
        using var client = fleet.Drift.Viewer();

        using var response = await client.GetAsync(path, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }
}
