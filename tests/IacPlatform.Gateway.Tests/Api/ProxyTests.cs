using System.Net;
using IacPlatform.Gateway.Tests.Fakes;
using Shouldly;

namespace IacPlatform.Gateway.Tests.Api;

public sealed class ProxyTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private readonly HttpClient _client = fixture.Gateway.CreateClient();

    [Fact]
    public async Task Get_RoutedPathWithRequestId_ProxiedWithSameRequestId()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/users/42?x=1");
        request.Headers.Add("X-Request-ID", "req-proxy-1");

        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        var echo = await response.ShouldBeEchoAsync();
        echo.Path.ShouldBe("/api/v1/users/42?x=1");
        echo.Header("X-Request-ID").ShouldBe("req-proxy-1");
        response.Headers.GetValues("X-Request-ID").Single().ShouldBe("req-proxy-1");
    }

    [Fact]
    public async Task Get_NoRequestId_GeneratedIdForwardedAndReturned()
    {
        using var response = await _client.GetAsync("/api/v1/auth/profile", TestContext.Current.CancellationToken);

        var echo = await response.ShouldBeEchoAsync();
        var generated = response.Headers.GetValues("X-Request-ID").Single();
        generated.ShouldNotBeNullOrWhiteSpace();
        echo.Header("X-Request-ID").ShouldBe(generated);
    }

    [Fact]
    public async Task Get_AnyResponse_CarriesSecurityHeaders()
    {
        using var response = await _client.GetAsync("/api/v1/users/me", TestContext.Current.CancellationToken);

        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("default-src 'none'");
    }

    [Fact]
    public async Task Get_UnknownRoute_Returns404InErrorFormat()
    {
        using var response = await _client.GetAsync("/api/v1/nothing-here", TestContext.Current.CancellationToken);

        await response.ShouldBeErrorAsync(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task Get_ServiceDown_Returns503InErrorFormat()
    {
        using var response = await _client.GetAsync("/api/v1/down/anything", TestContext.Current.CancellationToken);

        await response.ShouldBeErrorAsync(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
    }

    [Fact]
    public async Task Post_BodyOverLimit_Returns413WithoutCallingDownstream()
    {
        using var content = new ByteArrayContent(new byte[2048]);

        using var response = await _client.PostAsync("/api/v1/users/too-large", content, TestContext.Current.CancellationToken);

        await response.ShouldBeErrorAsync(HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");
        fixture.Identity.EchoedPaths.ShouldNotContain("/api/v1/users/too-large");
    }

    [Fact]
    public async Task Post_RouteMetadataRaisesLimit_BodyForwarded()
    {
        using var content = new ByteArrayContent(new byte[2048]);

        using var response = await _client.PostAsync("/api/v1/uploads/file", content, TestContext.Current.CancellationToken);

        (await response.ShouldBeEchoAsync()).BodyLength.ShouldBe(2048);
    }

    [Fact]
    public async Task Get_RouteTimeoutElapses_Returns504InErrorFormat()
    {
        using var response = await _client.GetAsync("/api/v1/slow/wait", TestContext.Current.CancellationToken);

        await response.ShouldBeErrorAsync(HttpStatusCode.GatewayTimeout, "GATEWAY_TIMEOUT");
    }

    [Fact]
    public async Task Options_AllowedOrigin_PreflightAnswered()
    {
        await using var gateway = fixture.CreateGateway(new Dictionary<string, string?>
        {
            ["Gateway:Cors:AllowedOrigins:0"] = "https://console.example",
        });
        using var client = gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/users/me");
        request.Headers.Add("Origin", "https://console.example");
        request.Headers.Add("Access-Control-Request-Method", "GET");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        response.Headers.GetValues("Access-Control-Allow-Origin").Single().ShouldBe("https://console.example");
    }
}
