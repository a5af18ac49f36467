using System.Net;
using System.Net.Http.Json;
using IacPlatform.Identity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Shouldly;

namespace IacPlatform.Identity.Tests.Api;

public sealed class UserAdminTests(IdentityAppFixture fixture) : IClassFixture<IdentityAppFixture>
{
    private readonly IdentityApp _app = fixture.App;

    [Fact]
    public async Task ChangeRole_ByAdmin_PromotesAndTheNextLoginCarriesTheRole()
    {
        var user = await _app.RegisterUserAsync();
        using var admin = _app.CreateClient((await _app.LoginAdminAsync()).AccessToken);

        using var response = await admin.PutAsJsonAsync($"/api/v1/users/{user.Id}/role", new { role = "operator" });

        var body = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("role").GetString().ShouldBe("operator");
        var jwt = new JsonWebToken((await _app.LoginAsync(user)).AccessToken);
        jwt.GetPayloadValue<string>("role").ShouldBe("operator");
        jwt.GetPayloadValue<string>("scope").Split(' ').ShouldContain("state.write");
    }

    [Fact]
    public async Task ChangeRole_ByViewer_Returns403InsufficientPermissions()
    {
        var viewer = await _app.RegisterUserAsync();
        using var client = _app.CreateClient((await _app.LoginAsync(viewer)).AccessToken);

        using var response = await client.PutAsJsonAsync($"/api/v1/users/{viewer.Id}/role", new { role = "admin" });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.ReadErrorCodeAsync()).ShouldBe("INSUFFICIENT_PERMISSIONS");
        (await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == viewer.Id))).Role.ShouldBe("viewer");
    }

    [Fact]
    public async Task ChangeRole_UnknownRole_Returns400ValidationError()
    {
        var user = await _app.RegisterUserAsync();
        using var admin = _app.CreateClient((await _app.LoginAdminAsync()).AccessToken);

        using var response = await admin.PutAsJsonAsync($"/api/v1/users/{user.Id}/role", new { role = "root" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadErrorCodeAsync()).ShouldBe("VALIDATION_ERROR");
    }

    [Fact]
    public async Task ChangeRole_UnknownUser_Returns404()
    {
        using var admin = _app.CreateClient((await _app.LoginAdminAsync()).AccessToken);

        using var response = await admin.PutAsJsonAsync($"/api/v1/users/{Guid.NewGuid()}/role", new { role = "viewer" });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ChangeRole_LastAdminDemotingThemself_IsRefused()
    {
        var tokens = await _app.LoginAdminAsync();
        var adminId = new JsonWebToken(tokens.AccessToken).Subject;
        using var admin = _app.CreateClient(tokens.AccessToken);

        using var response = await admin.PutAsJsonAsync($"/api/v1/users/{adminId}/role", new { role = "viewer" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await _app.WithDbAsync(db => db.Users.AnyAsync(u => u.Role == "admin"))).ShouldBeTrue();
    }

    [Fact]
    public async Task ListUsers_ByAdmin_ReturnsPageWithTotalHeader()
    {
        await _app.RegisterUserAsync();
        using var admin = _app.CreateClient((await _app.LoginAdminAsync()).AccessToken);

        using var response = await admin.GetAsync("/api/v1/users?limit=1&skip=0");

        var body = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("users").GetArrayLength().ShouldBe(1);
        body.GetProperty("limit").GetInt32().ShouldBe(1);
        int.Parse(response.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(body.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ListUsers_ByViewer_Returns403()
    {
        var viewer = await _app.RegisterUserAsync();
        using var client = _app.CreateClient((await _app.LoginAsync(viewer)).AccessToken);

        using var response = await client.GetAsync("/api/v1/users");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.ReadErrorCodeAsync()).ShouldBe("INSUFFICIENT_PERMISSIONS");
    }

    [Fact]
    public async Task GetUser_SelfOrAdmin_ReturnsUserButOthersGet404()
    {
        var user = await _app.RegisterUserAsync();
        var stranger = await _app.RegisterUserAsync();
        using var self = _app.CreateClient((await _app.LoginAsync(user)).AccessToken);
        using var other = _app.CreateClient((await _app.LoginAsync(stranger)).AccessToken);
        using var admin = _app.CreateClient((await _app.LoginAdminAsync()).AccessToken);

        using var own = await self.GetAsync($"/api/v1/users/{user.Id}");
        using var byAdmin = await admin.GetAsync($"/api/v1/users/{user.Id}");
        using var byStranger = await other.GetAsync($"/api/v1/users/{user.Id}");

        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        byAdmin.StatusCode.ShouldBe(HttpStatusCode.OK);
        byStranger.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deactivate_ByAdmin_BlocksLoginRefreshAndApiKeys()
    {
        var user = await _app.RegisterUserAsync();
        var tokens = await _app.LoginAsync(user);
        using var client = _app.CreateClient(tokens.AccessToken);
        using var created = await client.PostAsJsonAsync("/api/v1/auth/api-keys", new { name = "k" });
        var keyId = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        using var admin = _app.CreateClient((await _app.LoginAdminAsync()).AccessToken);

        using var response = await admin.PutAsJsonAsync($"/api/v1/users/{user.Id}/active", new { is_active = false });
        using var anonymous = _app.CreateClient();
        using var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { username = user.Username, password = user.Password });
        using var refresh = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = tokens.RefreshToken });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("is_active").GetBoolean().ShouldBeFalse();
        login.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        refresh.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _app.WithDbAsync(db => db.ApiKeys.SingleAsync(k => k.Id == keyId))).RevokedAt.ShouldNotBeNull();
        (await _app.OutboxAsync("UserDeactivated", user.Id.ToString())).ShouldHaveSingleItem();
        (await _app.OutboxAsync("ApiKeyRevoked", keyId.ToString())).ShouldHaveSingleItem();
    }
}
