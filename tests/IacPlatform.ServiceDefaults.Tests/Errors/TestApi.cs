using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace IacPlatform.ServiceDefaults.Tests.Errors;

/// <summary>
/// A small web app on the service defaults, in an in-memory test server. Tokens are signed with a test
/// key handed to JwtBearer as its configuration, so issuer, audience and lifetime checks are real.
/// </summary>
public sealed class TestApi : IAsyncDisposable
{
    public const string Issuer = "http://identity/";
    public const string Audience = "iacp-api";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;

    private TestApi(WebApplication app, RsaSecurityKey key)
    {
        _app = app;
        _key = key;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public sealed record Thing(string Name, int Size);

    public static async Task<TestApi> StartAsync(string environment = "Production")
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test" };
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:Issuer"] = Issuer });
        builder.AddServiceDefaults();
        builder.Services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(key);
            options.Configuration = configuration;
        });

        var app = builder.Build();
        app.MapGet("/boom", string () => throw new InvalidOperationException("secret internals: Host=db;Password=hunter2"));
        app.MapPost("/things", (Thing thing) => TypedResults.Created($"/things/{thing.Name}", thing));
        app.MapGet("/things", (int? limit) => TypedResults.Ok(new { Things = Array.Empty<Thing>(), Total = 0, Limit = limit ?? 50 }));
        app.MapGet("/secured", (ClaimsPrincipal user) => TypedResults.Ok(new { Subject = user.FindFirst("sub")?.Value }))
            .RequireAuthorization("drift.read");
        app.MapGet("/admin-only", () => TypedResults.Ok()).RequireAuthorization("role:admin");
        app.MapGet("/missing", () => Results.NotFound());
        app.MapDefaultEndpoints();
        await app.StartAsync();
        return new TestApi(app, key);
    }

    public string Token(string role, string scope, TimeSpan? lifetime = null, string audience = Audience)
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(5));
        var token = new JwtSecurityToken(
            Issuer,
            audience,
            [new Claim("sub", Guid.NewGuid().ToString()), new Claim("role", role), new Claim("scope", scope)],
            notBefore: expires < now ? expires.AddMinutes(-10) : now,
            expires: expires,
            signingCredentials: new SigningCredentials(_key, SecurityAlgorithms.RsaSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
