using System.Net;
using System.Globalization;
using Shouldly;

namespace IacPlatform.EndToEnd.Tests;

public sealed class GatewayTests(FleetFixture fleet)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AuthEndpoints_MoreThanTenLoginsPerMinuteFromOneIp_Returns429WithHeaders()
    {
        using var client = GatewayClient.Create(fleet.GatewayUrl);
        HttpResponseMessage? limited = null;
        for (var attempt = 0; attempt < 11; attempt++)
        {
            using var login = GatewayClient.Request(HttpMethod.Post, "/api/v1/auth/login", new { username = "nobody", password = "wrong-password-1" });
            var response = await client.SendAsync(login, Ct);
            response.Headers.Contains("X-RateLimit-Limit").ShouldBeTrue();
            response.Headers.Contains("X-RateLimit-Remaining").ShouldBeTrue();
            response.Headers.Contains("X-RateLimit-Reset").ShouldBeTrue();
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
                break;
            }

            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        limited.ShouldNotBeNull("the 11th login within a minute must be limited");
        limited.Headers.GetValues("X-RateLimit-Limit").Single().ShouldBe("10");
        limited.Headers.GetValues("X-RateLimit-Remaining").Single().ShouldBe("0");
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        retryAfter.ShouldBeInRange(1, 60);
        var error = await limited.ShouldBeErrorAsync(HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        error.GetProperty("details").GetProperty("retry_after").GetInt32().ShouldBe(retryAfter);

        // Another address has its own budget.
        using var other = GatewayClient.Create(fleet.GatewayUrl);
        using var fresh = GatewayClient.Request(HttpMethod.Post, "/api/v1/auth/login", new { username = "nobody", password = "wrong-password-1" });
        (await other.SendAsync(fresh, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Health_ReportsGatewayAndIdentity()
    {
        using var client = GatewayClient.Create(fleet.GatewayUrl);
        foreach (var path in new[] { "/health", "/api/v1/health" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
            text.ShouldContain("identity");
            text.ShouldContain("redis");
        }
    }

    [Fact]
    public async Task Version_IsAnonymous()
    {
        using var client = GatewayClient.Create(fleet.GatewayUrl);

        var response = await client.GetAsync(new Uri("/api/v1/version", UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.JsonAsync()).GetProperty("version").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task RequestId_FromCaller_ReachesTheServiceAndComesBack()
    {
        using var client = GatewayClient.Create(fleet.GatewayUrl);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/auth/profile", UriKind.Relative));
        request.Headers.Add("X-Request-ID", "e2e-trace-42");

        var response = await client.SendAsync(request, Ct);

        response.Headers.GetValues("X-Request-ID").ShouldContain("e2e-trace-42");
        var error = await response.ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "AUTHENTICATION_REQUIRED");
        error.GetProperty("request_id").GetString().ShouldBe("e2e-trace-42");
    }

    [Fact]
    public async Task UnknownRoute_Returns404InPlatformFormat()
    {
        using var client = GatewayClient.Create(fleet.GatewayUrl);

        var response = await client.GetAsync(new Uri("/api/v1/nothing-here", UriKind.Relative), Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task Docs_ServesUiAndIdentityDocument()
    {
        using var client = GatewayClient.Create(fleet.GatewayUrl);

        var ui = await client.GetAsync(new Uri("/docs", UriKind.Relative), Ct);

        ui.StatusCode.ShouldBe(HttpStatusCode.OK);
        ui.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
    }

    [Fact]
    public async Task SecurityHeaders_ArePresent()
    {
        using var client = GatewayClient.Create(fleet.GatewayUrl);

        var response = await client.GetAsync(new Uri("/api/v1/version", UriKind.Relative), Ct);

        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.Contains("X-Frame-Options").ShouldBeTrue();
    }
}
