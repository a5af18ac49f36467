using System.Net;
using IacPlatform.Identity.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Shouldly;

namespace IacPlatform.Identity.Tests.Api;

public sealed class OAuthTests(IdentityAppFixture fixture) : IClassFixture<IdentityAppFixture>
{
    private readonly IdentityApp _app = fixture.App;

    [Fact]
    public async Task ClientCredentials_ConfiguredServiceClient_ReturnsTokenForTheClient()
    {
        using var response = await _app.PostTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "state",
            ["client_secret"] = IdentityApp.StateSecret,
        });

        var body = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.TryGetProperty("refresh_token", out _).ShouldBeFalse();
        var jwt = new JsonWebToken(body.GetProperty("access_token").GetString());
        jwt.Subject.ShouldBe("state");
        jwt.TryGetPayloadValue<string>("role", out _).ShouldBeFalse();
        jwt.Audiences.ShouldContain("iacp-api");
        jwt.GetPayloadValue<string>("scope").Split(' ').ShouldContain("inventory.write");
    }

    [Fact]
    public async Task ClientCredentials_RequestedScope_IsTheOnlyScopeGranted()
    {
        using var response = await _app.PostTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "state",
            ["client_secret"] = IdentityApp.StateSecret,
            ["scope"] = "inventory.read",
        });

        var body = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        new JsonWebToken(body.GetProperty("access_token").GetString()).GetPayloadValue<string>("scope").ShouldBe("inventory.read");
    }

    [Fact]
    public async Task ClientCredentials_WrongSecret_ReturnsInvalidClient()
    {
        using var response = await _app.PostTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "state",
            ["client_secret"] = "wrong",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadJsonAsync()).GetProperty("error").GetString().ShouldBe("invalid_client");
    }

    [Fact]
    public async Task Discovery_Document_PublishesIssuerTokenEndpointAndSigningKey()
    {
        using var client = _app.CreateClient();

        using var discovery = await client.GetAsync("/.well-known/openid-configuration");
        var document = await discovery.ReadJsonAsync();
        using var jwks = await client.GetAsync(new Uri(document.GetProperty("jwks_uri").GetString()!).PathAndQuery);

        discovery.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.GetProperty("issuer").GetString().ShouldBe("http://identity/");
        // Endpoints are addressed from the request (reachable through service discovery), the issuer is logical.
        new Uri(document.GetProperty("token_endpoint").GetString()!).AbsolutePath.ShouldBe("/connect/token");
        document.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString())
            .ShouldContain("urn:iacplatform:params:oauth:grant-type:api-key");
        jwks.StatusCode.ShouldBe(HttpStatusCode.OK);
        var key = (await jwks.ReadJsonAsync()).GetProperty("keys")[0];
        key.GetProperty("kty").GetString().ShouldBe("RSA");
        key.GetProperty("kid").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Password_StandardTokenEndpointWrongPassword_ReturnsOAuthInvalidGrant()
    {
        using var response = await _app.PostTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "iacp-cli",
            ["username"] = IdentityApp.AdminUsername,
            ["password"] = "wrong-password-12",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync()).GetProperty("error").GetString().ShouldBe("invalid_grant");
    }
}
