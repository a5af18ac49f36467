using System.Net;
using System.Net.Http.Json;
using IacPlatform.Contracts.Identity;
using IacPlatform.Identity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Shouldly;

namespace IacPlatform.Identity.Tests.Api;

public sealed class ApiKeyTests(IdentityAppFixture fixture) : IClassFixture<IdentityAppFixture>
{
    private readonly IdentityApp _app = fixture.App;

    [Fact]
    public async Task CreateApiKey_DefaultScopes_ShowsTheKeyOnceAndStoresOnlyItsHash()
    {
        var user = await _app.RegisterUserAsync();
        using var client = _app.CreateClient((await _app.LoginAsync(user)).AccessToken);

        using var response = await client.PostAsJsonAsync("/api/v1/auth/api-keys", new { name = "ci", expires_in_days = 30 });

        var body = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        var key = body.GetProperty("key").GetString()!;
        key.ShouldStartWith("iacp_");
        key.Length.ShouldBe(5 + 43);
        body.GetProperty("prefix").GetString().ShouldBe(key[..12]);
        body.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).ShouldContain("state.read");
        body.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).ShouldNotContain("state.write");
        body.GetProperty("expires_at").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddDays(29));
        var id = body.GetProperty("id").GetGuid();
        var stored = await _app.WithDbAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == id));
        stored.KeyHash.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key))));
        stored.KeyHash.ShouldNotContain(key);
    }

    [Fact]
    public async Task ListApiKeys_AfterCreation_NeverShowsTheKey()
    {
        var user = await _app.RegisterUserAsync();
        using var client = _app.CreateClient((await _app.LoginAsync(user)).AccessToken);
        using var created = await client.PostAsJsonAsync("/api/v1/auth/api-keys", new { name = "one" });
        var key = (await created.ReadJsonAsync()).GetProperty("key").GetString()!;

        using var response = await client.GetAsync("/api/v1/auth/api-keys");

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        text.ShouldNotContain(key);
        var body = await response.ReadJsonAsync();
        body.GetProperty("total").GetInt32().ShouldBe(1);
        body.GetProperty("limit").GetInt32().ShouldBe(50);
        body.GetProperty("offset").GetInt32().ShouldBe(0);
        body.GetProperty("api_keys")[0].GetProperty("name").GetString().ShouldBe("one");
        body.GetProperty("api_keys")[0].TryGetProperty("key", out _).ShouldBeFalse();
        response.Headers.GetValues("X-Total-Count").Single().ShouldBe("1");
    }

    [Fact]
    public async Task CreateApiKey_ScopeBeyondTheCallersRole_Returns403NamingIt()
    {
        var user = await _app.RegisterUserAsync();
        using var client = _app.CreateClient((await _app.LoginAsync(user)).AccessToken);

        using var response = await client.PostAsJsonAsync("/api/v1/auth/api-keys", new { name = "escalate", scopes = new[] { "state.read", "state.write" } });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var error = (await response.ReadJsonAsync()).GetProperty("error");
        error.GetProperty("code").GetString().ShouldBe("INSUFFICIENT_PERMISSIONS");
        error.GetProperty("message").GetString()!.ShouldContain("state.write");
        (await _app.WithDbAsync(db => db.ApiKeys.AnyAsync(k => k.UserId == user.Id))).ShouldBeFalse();
    }

    [Fact]
    public async Task CreateApiKey_UnknownScopeOrMissingName_Returns400()
    {
        var user = await _app.RegisterUserAsync();
        using var client = _app.CreateClient((await _app.LoginAsync(user)).AccessToken);

        using var unknown = await client.PostAsJsonAsync("/api/v1/auth/api-keys", new { name = "x", scopes = new[] { "root" } });
        using var nameless = await client.PostAsJsonAsync("/api/v1/auth/api-keys", new { scopes = new[] { "state.read" } });
        using var past = await client.PostAsJsonAsync("/api/v1/auth/api-keys", new { name = "x", expires_at = DateTimeOffset.UtcNow.AddDays(-1) });

        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.ReadErrorCodeAsync()).ShouldBe("VALIDATION_ERROR");
        nameless.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        past.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ExchangeApiKey_GatewayClient_Returns5MinuteTokenWithTheKeysScopes()
    {
        var user = await _app.RegisterUserAsync();
        var key = await CreateKeyAsync(user, ["state.read", "drift.read"]);

        using var response = await _app.PostTokenAsync(ExchangeForm(key));

        var body = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("expires_in").GetInt32().ShouldBe(300);
        body.TryGetProperty("refresh_token", out _).ShouldBeFalse();
        var jwt = new JsonWebToken(body.GetProperty("access_token").GetString());
        jwt.Subject.ShouldBe(user.Id.ToString());
        jwt.GetPayloadValue<string>("name").ShouldBe(user.Username);
        jwt.GetPayloadValue<string>("email").ShouldBe(user.Email);
        jwt.GetPayloadValue<string>("role").ShouldBe("viewer");
        jwt.GetPayloadValue<string>("scope").Split(' ').Order().ShouldBe(["drift.read", "state.read"]);
        jwt.GetPayloadValue<string>("api_key_id").ShouldNotBeNullOrEmpty();
        jwt.Audiences.ShouldContain("iacp-api");
        var keyId = Guid.Parse(jwt.GetPayloadValue<string>("api_key_id"));
        (await _app.WithDbAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == keyId))).LastUsedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task ExchangedToken_CreatingAnotherKey_Returns403ButReadsProfile()
    {
        var user = await _app.RegisterUserAsync();
        var key = await CreateKeyAsync(user, null);
        using var exchange = await _app.PostTokenAsync(ExchangeForm(key));
        using var client = _app.CreateClient((await exchange.ReadJsonAsync()).GetProperty("access_token").GetString()!);

        using var profile = await client.GetAsync("/api/v1/auth/me");
        using var create = await client.PostAsJsonAsync("/api/v1/auth/api-keys", new { name = "child" });

        profile.StatusCode.ShouldBe(HttpStatusCode.OK);
        create.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await create.ReadErrorCodeAsync()).ShouldBe("INSUFFICIENT_PERMISSIONS");
    }

    [Fact]
    public async Task ExchangeApiKey_AfterRevocation_ReturnsInvalidGrant()
    {
        var user = await _app.RegisterUserAsync();
        using var client = _app.CreateClient((await _app.LoginAsync(user)).AccessToken);
        using var created = await client.PostAsJsonAsync("/api/v1/auth/api-keys", new { name = "soon-revoked" });
        var body = await created.ReadJsonAsync();
        var key = body.GetProperty("key").GetString()!;
        using (var before = await _app.PostTokenAsync(ExchangeForm(key)))
        {
            before.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var revoke = await client.DeleteAsync($"/api/v1/auth/api-keys/{body.GetProperty("id").GetGuid()}");
        using var after = await _app.PostTokenAsync(ExchangeForm(key));

        revoke.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        after.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await after.ReadJsonAsync()).GetProperty("error").GetString().ShouldBe("invalid_grant");
    }

    [Fact]
    public async Task ExchangeApiKey_UnknownKey_ReturnsInvalidGrant()
    {
        using var response = await _app.PostTokenAsync(ExchangeForm("iacp_" + new string('x', 43)));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync()).GetProperty("error").GetString().ShouldBe("invalid_grant");
    }

    [Fact]
    public async Task ExchangeApiKey_ClientOtherThanGateway_IsRefused()
    {
        var user = await _app.RegisterUserAsync();
        var key = await CreateKeyAsync(user, null);
        var form = ExchangeForm(key);
        form["client_id"] = "state";
        form["client_secret"] = IdentityApp.StateSecret;

        using var response = await _app.PostTokenAsync(form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync()).GetProperty("error").GetString().ShouldBe("unauthorized_client");
    }

    [Fact]
    public async Task RevokeApiKey_SomeoneElsesKey_Returns404AndLeavesItUsable()
    {
        var owner = await _app.RegisterUserAsync();
        var other = await _app.RegisterUserAsync();
        using var ownerClient = _app.CreateClient((await _app.LoginAsync(owner)).AccessToken);
        using var created = await ownerClient.PostAsJsonAsync("/api/v1/auth/api-keys", new { name = "mine" });
        var body = await created.ReadJsonAsync();
        using var otherClient = _app.CreateClient((await _app.LoginAsync(other)).AccessToken);

        using var response = await otherClient.DeleteAsync($"/api/v1/auth/api-keys/{body.GetProperty("id").GetGuid()}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ReadErrorCodeAsync()).ShouldBe("RESOURCE_NOT_FOUND");
        using var exchange = await _app.PostTokenAsync(ExchangeForm(body.GetProperty("key").GetString()!));
        exchange.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<string> CreateKeyAsync(TestUser user, string[]? scopes)
    {
        using var client = _app.CreateClient((await _app.LoginAsync(user)).AccessToken);
        using var response = await client.PostAsJsonAsync("/api/v1/auth/api-keys", new { name = "key", scopes });
        var body = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        return body.GetProperty("key").GetString()!;
    }

    private static Dictionary<string, string> ExchangeForm(string key) => new()
    {
        ["grant_type"] = IdentityGrantTypes.ApiKey,
        ["client_id"] = "gateway",
        ["client_secret"] = IdentityApp.GatewaySecret,
        [IdentityGrantTypes.ApiKeyParameter] = key,
    };
}
