using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Shouldly;

namespace IacPlatform.EndToEnd.Tests;

public sealed class AuthFlowTests(FleetFixture fleet)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RegisterLoginProfileRefreshLogout_ThroughGateway_Works()
    {
        using var client = GatewayClient.Create(fleet.GatewayUrl);
        var session = await Users.RegisterAndLoginAsync(client, Ct);

        using var profileRequest = GatewayClient.Request(HttpMethod.Get, "/api/v1/auth/profile", bearer: session.AccessToken);
        var profile = await client.SendAsync(profileRequest, Ct);
        profile.StatusCode.ShouldBe(HttpStatusCode.OK);
        var me = await profile.JsonAsync();
        me.GetProperty("username").GetString().ShouldBe(session.Username);
        me.GetProperty("is_admin").GetBoolean().ShouldBeFalse();
        me.GetProperty("role").GetString().ShouldBe("viewer");

        using var meRequest = GatewayClient.Request(HttpMethod.Get, "/api/v1/auth/me", bearer: session.AccessToken);
        (await client.SendAsync(meRequest, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var refreshRequest = GatewayClient.Request(HttpMethod.Post, "/api/v1/auth/refresh", new { refresh_token = session.RefreshToken });
        var refreshed = await client.SendAsync(refreshRequest, Ct);
        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK, await refreshed.Content.ReadAsStringAsync(Ct));
        var pair = await refreshed.JsonAsync();
        pair.GetProperty("expires_in").GetInt32().ShouldBe(900);
        pair.GetProperty("token_type").GetString().ShouldBe("Bearer");
        var newAccess = pair.GetProperty("access_token").GetString()!;
        var newRefresh = pair.GetProperty("refresh_token").GetString()!;

        // Rotation: the used refresh token is spent.
        using var reuse = GatewayClient.Request(HttpMethod.Post, "/api/v1/auth/refresh", new { refresh_token = session.RefreshToken });
        (await client.SendAsync(reuse, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var logout = GatewayClient.Request(HttpMethod.Post, "/api/v1/auth/logout", new { refresh_token = newRefresh }, newAccess);
        (await client.SendAsync(logout, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        using var afterLogout = GatewayClient.Request(HttpMethod.Post, "/api/v1/auth/refresh", new { refresh_token = newRefresh });
        await (await client.SendAsync(afterLogout, Ct)).ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "TOKEN_EXPIRED");
    }

    [Fact]
    public async Task Login_FormUrlEncodedWithEmail_Works()
    {
        using var client = GatewayClient.Create(fleet.GatewayUrl);
        var session = await Users.RegisterAndLoginAsync(client, Ct);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = $"{session.Username}@example.test",
            ["password"] = Users.Password,
        });
        var response = await client.PostAsync(new Uri("/api/v1/auth/login", UriKind.Relative), form, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        (await response.JsonAsync()).GetProperty("access_token").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Login_WrongPassword_Returns401InvalidCredentials()
    {
        using var client = GatewayClient.Create(fleet.GatewayUrl);
        var session = await Users.RegisterAndLoginAsync(client, Ct);

        using var login = GatewayClient.Request(HttpMethod.Post, "/api/v1/auth/login", new { username = session.Username, password = "wrong-password-123" });
        await (await client.SendAsync(login, Ct)).ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");

        using var unknown = GatewayClient.Request(HttpMethod.Post, "/api/v1/auth/login", new { username = "nobody-" + Guid.NewGuid().ToString("N"), password = "whatever-123456" });
        await (await client.SendAsync(unknown, Ct)).ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
    }

    [Fact]
    public async Task Register_InvalidFields_Returns400WithFieldDetailsAndCreatesNothing()
    {
        using var client = GatewayClient.Create(fleet.GatewayUrl);
        var username = "u" + Guid.NewGuid().ToString("N")[..12];

        using var request = GatewayClient.Request(HttpMethod.Post, "/api/v1/auth/register", new { username, email = "not-an-email", password = "short" });
        var error = await (await client.SendAsync(request, Ct)).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        var fields = error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()).ToList();
        fields.ShouldContain("email");
        fields.ShouldContain("password");

        using var login = GatewayClient.Request(HttpMethod.Post, "/api/v1/auth/login", new { username, password = "short" });
        await (await client.SendAsync(login, Ct)).ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
    }

    [Fact]
    public async Task Register_MalformedJson_Returns400()
    {
        using var client = GatewayClient.Create(fleet.GatewayUrl);
        using var body = new StringContent("{\"username\": ", Encoding.UTF8, "application/json");

        var response = await client.PostAsync(new Uri("/api/v1/auth/register", UriKind.Relative), body, Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task Register_WrongContentType_Returns415()
    {
        using var client = GatewayClient.Create(fleet.GatewayUrl);
        using var body = new StringContent("username=x", Encoding.UTF8, "text/plain");

        var response = await client.PostAsync(new Uri("/api/v1/auth/register", UriKind.Relative), body, Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Fact]
    public async Task Register_DuplicateUsernameOrEmail_Returns409()
    {
        using var client = GatewayClient.Create(fleet.GatewayUrl);
        var session = await Users.RegisterAndLoginAsync(client, Ct);

        using var sameName = GatewayClient.Request(HttpMethod.Post, "/api/v1/auth/register", new
        {
            username = session.Username, email = $"other-{Guid.NewGuid():N}@example.test", password = Users.Password,
        });
        await (await client.SendAsync(sameName, Ct)).ShouldBeErrorAsync(HttpStatusCode.Conflict, "RESOURCE_ALREADY_EXISTS");

        using var sameEmail = GatewayClient.Request(HttpMethod.Post, "/api/v1/auth/register", new
        {
            username = "u" + Guid.NewGuid().ToString("N")[..12], email = $"{session.Username}@example.test", password = Users.Password,
        });
        await (await client.SendAsync(sameEmail, Ct)).ShouldBeErrorAsync(HttpStatusCode.Conflict, "RESOURCE_ALREADY_EXISTS");
    }

    [Fact]
    public async Task Register_IsAdminAndRoleFields_AreIgnored()
    {
        using var client = GatewayClient.Create(fleet.GatewayUrl);
        var username = "u" + Guid.NewGuid().ToString("N")[..12];
        using var request = GatewayClient.Request(HttpMethod.Post, "/api/v1/auth/register", new
        {
            username, email = $"{username}@example.test", password = Users.Password, is_admin = true, role = "admin",
        });

        var response = await client.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await response.JsonAsync()).GetProperty("role").GetString().ShouldBe("viewer");
    }

    [Fact]
    public async Task Profile_NoOrBadToken_Returns401InPlatformFormat()
    {
        using var client = GatewayClient.Create(fleet.GatewayUrl);

        var anonymous = await client.GetAsync(new Uri("/api/v1/auth/profile", UriKind.Relative), Ct);
        await anonymous.ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "AUTHENTICATION_REQUIRED");

        using var garbage = GatewayClient.Request(HttpMethod.Get, "/api/v1/auth/profile", bearer: "garbage.token.value");
        (await client.SendAsync(garbage, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RoleChange_ByViewer_Returns403_ByAdmin_Succeeds()
    {
        using var client = GatewayClient.Create(fleet.GatewayUrl);
        var viewer = await Users.RegisterAndLoginAsync(client, Ct);

        using var selfPromote = GatewayClient.Request(HttpMethod.Put, $"/api/v1/users/{viewer.Id}/role", new { role = "admin" }, viewer.AccessToken);
        await (await client.SendAsync(selfPromote, Ct)).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "INSUFFICIENT_PERMISSIONS");

        var admin = await Users.LoginAsync(client, fleet.AdminUserName, FleetFixture.AdminPassword, Ct);
        var adminToken = admin.GetProperty("access_token").GetString()!;
        using var invalidRole = GatewayClient.Request(HttpMethod.Put, $"/api/v1/users/{viewer.Id}/role", new { role = "superuser" }, adminToken);
        await (await client.SendAsync(invalidRole, Ct)).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");

        using var promote = GatewayClient.Request(HttpMethod.Put, $"/api/v1/users/{viewer.Id}/role", new { role = "operator" }, adminToken);
        var promoted = await client.SendAsync(promote, Ct);
        promoted.StatusCode.ShouldBe(HttpStatusCode.OK, await promoted.Content.ReadAsStringAsync(Ct));

        using var unknownUser = GatewayClient.Request(HttpMethod.Put, $"/api/v1/users/{Guid.NewGuid()}/role", new { role = "operator" }, adminToken);
        await (await client.SendAsync(unknownUser, Ct)).ShouldBeErrorAsync(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }
}
