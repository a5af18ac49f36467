using System.Net;
using System.Net.Http.Json;
using IacPlatform.Contracts.Security;
using Shouldly;

namespace IacPlatform.State.Tests.Api.Backends;

public sealed class BackendAuthorizationTests(BackendsFixture fixture) : IClassFixture<BackendsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_AsViewer_Returns403()
    {
        using var response = await fixture.App.Viewer().RegisterAsync(BackendApi.NewName(), "http", new { address = fixture.Fake.Url("/open") });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.ErrorAsync()).Str("code").ShouldBe("INSUFFICIENT_PERMISSIONS");
    }

    [Fact]
    public async Task Register_OperatorWithoutWriteScope_Returns403()
    {
        var client = fixture.App.ClientFor(Roles.Operator, scopes: "state.read");

        using var response = await client.RegisterAsync(BackendApi.NewName(), "http", new { address = fixture.Fake.Url("/open") });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Test_AsViewer_Returns403()
    {
        using var response = await fixture.App.Viewer().TestAsync(BackendApi.BuiltInId);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Discover_AsViewer_Returns403()
    {
        using var response = await fixture.App.Viewer().PostAsJsonAsync($"{BackendApi.Root}/discover", new { providers = new[] { "iacplatform" } }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("GET", "/api/v1/backends")]
    [InlineData("GET", "/api/v1/backends/list")]
    [InlineData("GET", "/api/v1/backends/01900000-0000-7000-8000-000000000001")]
    [InlineData("POST", "/api/v1/backends")]
    [InlineData("POST", "/api/v1/backends/discover")]
    [InlineData("POST", "/api/v1/backends/01900000-0000-7000-8000-000000000001/test")]
    [InlineData("DELETE", "/api/v1/backends/01900000-0000-7000-8000-000000000001")]
    public async Task AnyRoute_NoToken_Returns401(string method, string path)
    {
        using var client = fixture.App.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));

        using var response = await client.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ErrorAsync()).Str("code").ShouldBe("AUTHENTICATION_REQUIRED");
    }

    [Fact]
    public async Task List_AsViewerWithoutStateScope_Returns403()
    {
        var client = fixture.App.ClientFor(Roles.Viewer, scopes: "drift.read");

        using var response = await client.GetAsync(new Uri(BackendApi.Root, UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
