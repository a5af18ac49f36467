using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace IacPlatform.Gateway.Tests.Api;

public sealed class HealthAndDocsTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private readonly HttpClient _client = fixture.Gateway.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/health")]
    [InlineData("/api/v1/health")]
    public async Task Health_Get_ReportsGatewayDependenciesAndDestinations(string path)
    {
        JsonElement body = default;
        await HttpAssertions.EventuallyAsync(
            async () =>
            {
                using var response = await _client.GetAsync(path, Ct);
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
                body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
                return body.GetProperty("dependencies").TryGetProperty("rabbitmq", out var rabbit)
                    && rabbit.GetProperty("status").GetString() == "healthy";
            },
            TimeSpan.FromSeconds(30),
            "the bus connects to RabbitMQ");

        body.GetProperty("status").GetString().ShouldBe("degraded"); // the 'down' cluster has no live destination
        body.GetProperty("gateway").GetProperty("status").GetString().ShouldBe("healthy");
        body.GetProperty("dependencies").GetProperty("redis").GetProperty("status").GetString().ShouldBe("healthy");
        body.GetProperty("rate_limiter").GetProperty("mode").GetString().ShouldBe("redis");
        var identity = body.GetProperty("services").GetProperty("identity");
        identity.GetProperty("status").GetString().ShouldBe("healthy");
        var destination = identity.GetProperty("destinations")[0];
        destination.GetProperty("status").GetString().ShouldBe("healthy");
        destination.GetProperty("response_time_ms").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
        destination.GetProperty("address").GetString().ShouldStartWith(fixture.Identity.BaseAddress.ToString());
        body.GetProperty("services").GetProperty("down").GetProperty("status").GetString().ShouldBe("unhealthy");
    }

    [Fact]
    public async Task Version_Get_ReturnsBuildData()
    {
        using var response = await _client.GetAsync("/api/v1/version", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        body.GetProperty("version").GetString().ShouldNotBeNullOrWhiteSpace();
        body.TryGetProperty("commit", out _).ShouldBeTrue();
        body.GetProperty("build_time").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UnixEpoch);
        body.GetProperty("runtime").GetString().ShouldStartWith(".NET");
        body.GetProperty("environment").GetString().ShouldBe("Testing");
    }

    [Fact]
    public async Task Docs_Get_ServesScalarHtmlListingEveryService()
    {
        using var response = await _client.GetAsync("/docs/", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await response.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("\"url\":\"docs/openapi/identity.json\"");
        html.ShouldContain("\"url\":\"openapi/v1.json\"");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self'");
    }

    [Fact]
    public async Task DocsDocument_Get_FetchedFromServiceWithGatewayServer()
    {
        using var response = await _client.GetAsync("/docs/openapi/identity.json", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        body.GetProperty("info").GetProperty("title").GetString().ShouldBe("Identity");
        body.GetProperty("servers")[0].GetProperty("url").GetString().ShouldBe("http://localhost");
    }

    [Fact]
    public async Task DocsDocument_UnknownService_Returns404InErrorFormat()
    {
        using var response = await _client.GetAsync("/docs/openapi/nope.json", Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task GatewayDocument_Get_ServesOpenApi31()
    {
        using var response = await _client.GetAsync("/openapi/v1.json", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        body.GetProperty("openapi").GetString().ShouldStartWith("3.1");
    }
}
