using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IacPlatform.Testing;

/// <summary>
/// The issuer side of Identity for a service under test: OIDC discovery and the JWKS of a test RSA key on a
/// real loopback Kestrel, and tokens shaped like Identity's (sub, name, role, scope). The service validates
/// them through its real JwtBearer setup (discovery via <c>services:identity:http:0</c>); Identity itself is
/// exercised by its own suite and end to end.
/// </summary>
public sealed class TestTokenIssuer : IAsyncDisposable
{
    public const string Issuer = "http://identity/";
    public const string Audience = "iacp-api";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;

    private TestTokenIssuer(WebApplication app, RsaSecurityKey key)
    {
        _app = app;
        _key = key;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<TestTokenIssuer> StartAsync()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };
        var app = LoopbackApp.Create();
        var issuer = new TestTokenIssuer(app, key);
        MapDiscovery(app, key);
        MapClientCredentials(app, issuer);
        issuer.BaseAddress = await LoopbackApp.StartAsync(app);
        return issuer;
    }

    /// <summary>A token for a user of <paramref name="role"/> with <paramref name="scopes"/> (space separated).</summary>
    public string CreateToken(Guid userId, string name, string role, string scopes, TimeSpan? lifetime = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", userId.ToString()),
                new Claim("name", name),
                new Claim("role", role),
                new Claim("scope", scopes),
            ]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromMinutes(30)),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _key.Rsa.Dispose();
    }

    /// <summary>
    /// A token for a service client (client credentials): <c>client_id</c> and <c>scope</c> claims, no user, as
    /// Identity issues them for the fleet's confidential clients.
    /// </summary>
    public string CreateServiceToken(string clientId, string scopes)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity([new Claim("sub", clientId), new Claim("client_id", clientId), new Claim("scope", scopes)]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>
    /// <c>POST /connect/token</c> with <c>grant_type=client_credentials</c>: any client id with a non-empty secret
    /// gets the scopes it asks for (Identity's own checks are tested in its suite); anything else is
    /// <c>invalid_request</c>, as OAuth answers it.
    /// </summary>
    private static void MapClientCredentials(WebApplication app, TestTokenIssuer issuer) =>
        app.MapPost("/connect/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "client_credentials" || string.IsNullOrEmpty(form["client_id"]) || string.IsNullOrEmpty(form["client_secret"]))
            {
                return Results.Json(new Dictionary<string, object> { ["error"] = "invalid_request" }, statusCode: 400);
            }

            var scopes = form["scope"].ToString();
            return Results.Json(new Dictionary<string, object>
            {
                ["access_token"] = issuer.CreateServiceToken(form["client_id"].ToString(), scopes),
                ["token_type"] = "Bearer",
                ["expires_in"] = 600,
                ["scope"] = scopes,
            });
        });

    /// <summary>OIDC discovery and the JWKS of <paramref name="key"/>, as Identity publishes them, on a stand-in app.</summary>
    public static void MapDiscovery(WebApplication app, RsaSecurityKey key)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(key);
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = Issuer + ".well-known/jwks",
            ["token_endpoint"] = Issuer + "connect/token",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/.well-known/jwks", () =>
        {
            var parameters = key.Rsa.ExportParameters(false);
            return Results.Json(new Dictionary<string, object>
            {
                ["keys"] = new[]
                {
                    new Dictionary<string, string>
                    {
                        ["kty"] = "RSA",
                        ["use"] = "sig",
                        ["alg"] = "RS256",
                        ["kid"] = key.KeyId,
                        ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                        ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                    },
                },
            });
        });
    }
}
