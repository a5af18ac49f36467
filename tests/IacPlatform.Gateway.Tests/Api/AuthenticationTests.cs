using System.Net;
using System.Text;
using IacPlatform.Contracts.Identity;
using IacPlatform.Gateway.Tests.Fakes;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace IacPlatform.Gateway.Tests.Api;

public sealed class AuthenticationTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private readonly HttpClient _client = fixture.Gateway.CreateClient();

    [Fact]
    public async Task Get_ValidJwt_ForwardedWithSameBearer()
    {
        var token = fixture.Identity.CreateToken(Guid.NewGuid(), TimeSpan.FromMinutes(5));

        using var response = await SendAsync("/api/v1/users/me", request => request.Headers.Authorization = new("Bearer", token));

        (await response.ShouldBeEchoAsync()).Header("Authorization").ShouldBe("Bearer " + token);
    }

    [Fact]
    public async Task Get_ExpiredJwt_Returns401TokenExpired()
    {
        var token = fixture.Identity.CreateToken(Guid.NewGuid(), TimeSpan.FromMinutes(-5));

        using var response = await SendAsync("/api/v1/users/expired", request => request.Headers.Authorization = new("Bearer", token));

        await response.ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "TOKEN_EXPIRED");
        fixture.Identity.EchoedPaths.ShouldNotContain("/api/v1/users/expired");
    }

    [Fact]
    public async Task Get_JwtSignedByUnknownKey_Returns401AuthenticationRequired()
    {
        var token = FakeIdentity.CreateForeignToken(Guid.NewGuid());

        using var response = await SendAsync("/api/v1/users/forged", request => request.Headers.Authorization = new("Bearer", token));

        await response.ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "AUTHENTICATION_REQUIRED");
        fixture.Identity.EchoedPaths.ShouldNotContain("/api/v1/users/forged");
    }

    [Fact]
    public async Task Get_ApiKeyHeader_DownstreamSeesOnlyBearer()
    {
        var apiKey = fixture.Identity.AddApiKey(Guid.NewGuid());

        using var response = await SendAsync("/api/v1/users/me", request => request.Headers.Add("X-API-Key", apiKey));

        var echo = await response.ShouldBeEchoAsync();
        echo.Header("X-API-Key").ShouldBeNull();
        echo.Header("Authorization").ShouldNotBeNull().ShouldStartWith("Bearer ey");
        echo.Header("Authorization")!.ShouldNotContain(apiKey);
    }

    [Fact]
    public async Task Get_ApiKeyAsBasicPassword_DownstreamSeesOnlyBearer()
    {
        var apiKey = fixture.Identity.AddApiKey(Guid.NewGuid());
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("terraform:" + apiKey));

        using var response = await SendAsync("/api/v1/users/state", request => request.Headers.Authorization = new("Basic", basic));

        var echo = await response.ShouldBeEchoAsync();
        echo.Header("Authorization").ShouldNotBeNull().ShouldStartWith("Bearer ey");
        echo.Headers.Values.ShouldNotContain(value => value.Contains(basic, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_SameApiKeyTwice_SecondRequestUsesCachedToken()
    {
        var apiKey = fixture.Identity.AddApiKey(Guid.NewGuid());

        using var first = await SendAsync("/api/v1/users/me", request => request.Headers.Add("X-API-Key", apiKey));
        using var second = await SendAsync("/api/v1/users/me", request => request.Headers.Add("X-API-Key", apiKey));

        (await first.ShouldBeEchoAsync()).Header("Authorization").ShouldBe((await second.ShouldBeEchoAsync()).Header("Authorization"));
        fixture.Identity.ExchangeCount(apiKey).ShouldBe(1);
    }

    [Fact]
    public async Task Get_UnknownApiKey_Returns401InvalidCredentialsWithoutCallingDownstream()
    {
        var apiKey = IdentityGrantTypes.ApiKeyPrefix + Guid.NewGuid().ToString("N");

        using var response = await SendAsync("/api/v1/users/invalid-key", request => request.Headers.Add("X-API-Key", apiKey));

        await response.ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
        fixture.Identity.EchoedPaths.ShouldNotContain("/api/v1/users/invalid-key");
    }

    [Fact]
    public async Task Get_KeyWithoutPrefix_Returns401WithoutExchange()
    {
        using var response = await SendAsync("/api/v1/users/me", request => request.Headers.Add("X-API-Key", "not-a-key"));

        await response.ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
        fixture.Identity.ExchangeCount("not-a-key").ShouldBe(0);
    }

    [Fact]
    public async Task ApiKeyRevoked_Published_EvictsCachedTokenSoKeyIsRefused()
    {
        var apiKey = fixture.Identity.AddApiKey(Guid.NewGuid());
        using (var warm = await SendAsync("/api/v1/users/me", request => request.Headers.Add("X-API-Key", apiKey)))
        {
            await warm.ShouldBeEchoAsync();
        }

        fixture.Identity.Revoke(apiKey);
        using (var cached = await SendAsync("/api/v1/users/me", request => request.Headers.Add("X-API-Key", apiKey)))
        {
            await cached.ShouldBeEchoAsync(); // still cached: only the event evicts it
        }

        var bus = fixture.Gateway.Services.GetRequiredService<IBus>();
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));
        await bus.Publish(
            new ApiKeyRevoked(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.NewGuid(), Guid.NewGuid(), hash),
            TestContext.Current.CancellationToken);

        await HttpAssertions.EventuallyAsync(
            async () =>
            {
                using var response = await SendAsync("/api/v1/users/me", request => request.Headers.Add("X-API-Key", apiKey));
                return response.StatusCode == HttpStatusCode.Unauthorized;
            },
            TimeSpan.FromSeconds(30),
            "the revoked key is refused once the event evicted its token");
    }

    private async Task<HttpResponseMessage> SendAsync(string path, Action<HttpRequestMessage> configure)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        configure(request);
        return await _client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
