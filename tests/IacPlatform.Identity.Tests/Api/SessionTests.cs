using System.Net;
using System.Net.Http.Json;
using IacPlatform.Identity.Tests.Infrastructure;
using Shouldly;

namespace IacPlatform.Identity.Tests.Api;

public sealed class SessionTests(IdentityAppFixture fixture) : IClassFixture<IdentityAppFixture>
{
    private readonly IdentityApp _app = fixture.App;

    [Fact]
    public async Task Refresh_UnusedRefreshToken_ReturnsNewPairAndTheOldTokenIsThenRefused()
    {
        var user = await _app.RegisterUserAsync();
        var tokens = await _app.LoginAsync(user);
        using var client = _app.CreateClient();

        using var first = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = tokens.RefreshToken });
        using var replay = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = tokens.RefreshToken });

        var body = await first.ReadJsonAsync();
        first.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("expires_in").GetInt32().ShouldBe(900);
        body.GetProperty("refresh_token").GetString().ShouldNotBe(tokens.RefreshToken);
        body.GetProperty("access_token").GetString().ShouldNotBeNullOrEmpty();
        replay.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await replay.ReadErrorCodeAsync()).ShouldBeOneOf("TOKEN_EXPIRED", "AUTHENTICATION_REQUIRED");
    }

    [Fact]
    public async Task Refresh_GarbageToken_Returns401InTheErrorFormat()
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = "not-a-token" });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadErrorCodeAsync()).ShouldBeOneOf("TOKEN_EXPIRED", "AUTHENTICATION_REQUIRED");
    }

    [Fact]
    public async Task Refresh_MissingToken_Returns400ValidationError()
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadErrorCodeAsync()).ShouldBe("VALIDATION_ERROR");
    }

    [Fact]
    public async Task Logout_WithBearer_Returns204AndTheSessionsRefreshTokenIsRefused()
    {
        var user = await _app.RegisterUserAsync();
        var tokens = await _app.LoginAsync(user);
        using var authorized = _app.CreateClient(tokens.AccessToken);

        using var logout = await authorized.PostAsync("/api/v1/auth/logout", null);
        using var client = _app.CreateClient();
        using var refresh = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = tokens.RefreshToken });

        logout.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        refresh.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_AfterRefresh_RevokesTheRotatedRefreshTokenToo()
    {
        var user = await _app.RegisterUserAsync();
        var tokens = await _app.LoginAsync(user);
        using var client = _app.CreateClient();
        using var refreshed = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = tokens.RefreshToken });
        var rotated = await refreshed.ReadJsonAsync();
        using var authorized = _app.CreateClient(rotated.GetProperty("access_token").GetString()!);

        using var logout = await authorized.PostAsync("/api/v1/auth/logout", null);
        using var refresh = await client.PostAsJsonAsync(
            "/api/v1/auth/refresh", new { refresh_token = rotated.GetProperty("refresh_token").GetString() });

        logout.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        refresh.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/api/v1/auth/profile")]
    [InlineData("/api/v1/auth/me")]
    public async Task Profile_WithAccessToken_ReturnsTheCaller(string path)
    {
        var user = await _app.RegisterUserAsync();
        var tokens = await _app.LoginAsync(user);
        using var client = _app.CreateClient(tokens.AccessToken);

        using var response = await client.GetAsync(path);

        var body = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("id").GetGuid().ShouldBe(user.Id);
        body.GetProperty("username").GetString().ShouldBe(user.Username);
        body.GetProperty("email").GetString().ShouldBe(user.Email);
        body.GetProperty("first_name").GetString().ShouldBe("Test");
        body.GetProperty("last_name").GetString().ShouldBe("User");
        body.GetProperty("role").GetString().ShouldBe("viewer");
        body.GetProperty("is_admin").GetBoolean().ShouldBeFalse();
        body.GetProperty("is_active").GetBoolean().ShouldBeTrue();
        body.TryGetProperty("created_at", out _).ShouldBeTrue();
        body.TryGetProperty("updated_at", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Profile_WithoutToken_Returns401AuthenticationRequired()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync("/api/v1/auth/profile");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadErrorCodeAsync()).ShouldBe("AUTHENTICATION_REQUIRED");
    }

    [Fact]
    public async Task Profile_GarbageToken_Returns401InTheErrorFormat()
    {
        using var client = _app.CreateClient("garbage.token.value");

        using var response = await client.GetAsync("/api/v1/auth/profile");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadErrorCodeAsync()).ShouldBe("AUTHENTICATION_REQUIRED");
    }
}
