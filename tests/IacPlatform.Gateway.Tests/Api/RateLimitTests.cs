using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace IacPlatform.Gateway.Tests.Api;

public sealed class RateLimitTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_AnyRequest_CarriesRateLimitHeaders()
    {
        using var client = fixture.Gateway.CreateClient();

        using var response = await client.GetAsync("/api/v1/users/me", Ct);

        response.Headers.GetValues("X-RateLimit-Limit").Single().ShouldBe("100000");
        int.Parse(response.Headers.GetValues("X-RateLimit-Remaining").Single(), CultureInfo.InvariantCulture).ShouldBeLessThan(100000);
        var reset = long.Parse(response.Headers.GetValues("X-RateLimit-Reset").Single(), CultureInfo.InvariantCulture);
        reset.ShouldBeGreaterThan(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1);
        reset.ShouldBeLessThanOrEqualTo(DateTimeOffset.UtcNow.AddSeconds(61).ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Get_OverAnonymousLimit_Returns429WithRetryAfter()
    {
        await using var gateway = fixture.CreateGateway(new Dictionary<string, string?> { ["Gateway:RateLimits:Anonymous"] = "3" });
        using var client = gateway.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync("/api/v1/users/me", Ct);
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
            allowed.Headers.GetValues("X-RateLimit-Remaining").Single().ShouldBe((2 - i).ToString(CultureInfo.InvariantCulture));
        }

        using var limited = await client.GetAsync("/api/v1/users/me", Ct);

        var error = await limited.ShouldBeErrorAsync(HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        retryAfter.ShouldBeInRange(1, 60);
        error.GetProperty("details").GetProperty("retry_after").GetInt32().ShouldBe(retryAfter);
        limited.Headers.GetValues("X-RateLimit-Remaining").Single().ShouldBe("0");
    }

    [Fact]
    public async Task Post_AuthEndpointOverItsLimit_Returns429()
    {
        await using var gateway = fixture.CreateGateway(new Dictionary<string, string?> { ["Gateway:RateLimits:Auth"] = "2" });
        using var client = gateway.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.PostAsync("/api/v1/auth/login", JsonContent.Create(new { username = "a" }), Ct);
            allowed.Headers.GetValues("X-RateLimit-Limit").Single().ShouldBe("2");
        }

        using var limited = await client.PostAsync("/api/v1/auth/login", JsonContent.Create(new { username = "a" }), Ct);
        using var other = await client.GetAsync("/api/v1/users/me", Ct);

        await limited.ShouldBeErrorAsync(HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        other.StatusCode.ShouldBe(HttpStatusCode.OK); // the anonymous budget is a different one
    }

    [Fact]
    public async Task Get_Authenticated_DrawsFromUserBudget()
    {
        await using var gateway = fixture.CreateGateway(new Dictionary<string, string?>
        {
            ["Gateway:RateLimits:Anonymous"] = "5",
            ["Gateway:RateLimits:Authenticated"] = "50",
        });
        using var client = gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/users/me");
        request.Headers.Authorization = new("Bearer", fixture.Identity.CreateToken(Guid.NewGuid(), TimeSpan.FromMinutes(5)));

        using var response = await client.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("X-RateLimit-Limit").Single().ShouldBe("50");
        response.Headers.GetValues("X-RateLimit-Remaining").Single().ShouldBe("49");
    }

    [Fact]
    public async Task Get_TwoGatewaysSameRedis_EnforceOneBudget()
    {
        var shared = new Dictionary<string, string?>
        {
            ["Gateway:RateLimits:Anonymous"] = "4",
            ["Gateway:RateLimits:KeyPrefix"] = $"iacp:gw:rl:shared:{Guid.NewGuid():N}:",
        };
        await using var first = fixture.CreateGateway(shared);
        await using var second = fixture.CreateGateway(shared);
        using var a = first.CreateClient();
        using var b = second.CreateClient();

        foreach (var client in new[] { a, b, a, b })
        {
            using var allowed = await client.GetAsync("/api/v1/users/me", Ct);
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var limitedOnA = await a.GetAsync("/api/v1/users/me", Ct);
        using var limitedOnB = await b.GetAsync("/api/v1/users/me", Ct);

        limitedOnA.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limitedOnB.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Get_RedisUnreachable_ServesWithLocalLimiterAndHealthSaysDegraded()
    {
        await using var gateway = fixture.CreateGateway(new Dictionary<string, string?>
        {
            ["ConnectionStrings:cache"] = $"127.0.0.1:{GatewayFactory.ClosedPort()}",
            ["Gateway:RateLimits:Anonymous"] = "3",
        });
        using var client = gateway.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.GetAsync("/api/v1/users/me", Ct);
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
            allowed.Headers.GetValues("X-RateLimit-Limit").Single().ShouldBe("3");
        }

        using var health = await client.GetAsync("/health", Ct); // the third permit
        using var limited = await client.GetAsync("/api/v1/users/me", Ct);

        var body = await health.Content.ReadFromJsonAsync<JsonElement>(Ct);
        body.GetProperty("status").GetString().ShouldBe("degraded");
        body.GetProperty("rate_limiter").GetProperty("mode").GetString().ShouldBe("local");
        body.GetProperty("rate_limiter").GetProperty("status").GetString().ShouldBe("degraded");
        body.GetProperty("dependencies").GetProperty("redis").GetProperty("status").GetString().ShouldBe("unhealthy");
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }
}
