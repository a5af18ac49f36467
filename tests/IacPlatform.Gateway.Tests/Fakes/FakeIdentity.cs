using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using IacPlatform.Contracts.Identity;
using IacPlatform.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IacPlatform.Gateway.Tests.Fakes;

/// <summary>
/// A real Kestrel app on a loopback port standing in for Identity and a routed service: OIDC discovery
/// and JWKS of a test RSA key, the API-key grant at /connect/token, /health/ready, /openapi/v1.json, and
/// an echo of every other request (method, path, headers, body length).
/// </summary>
public sealed class FakeIdentity : IAsyncDisposable
{
    public const string Issuer = "http://identity/";
    public const string Audience = "iacp-api";
    public const string ClientId = "gateway";
    public const string ClientSecret = "gateway-test-secret";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;
    private readonly ConcurrentDictionary<string, Guid> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _exchanges = new(StringComparer.Ordinal);

    private FakeIdentity(WebApplication app, RsaSecurityKey key)
    {
        _app = app;
        _key = key;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<FakeIdentity> StartAsync()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };
        var app = LoopbackApp.Create();
        var fake = new FakeIdentity(app, key);
        app.UseWebSockets();
        fake.MapEndpoints();
        fake.BaseAddress = await LoopbackApp.StartAsync(app);
        return fake;
    }

    /// <summary>A new API key that exchanges for a token of <paramref name="userId"/>.</summary>
    public string AddApiKey(Guid userId)
    {
        var apiKey = IdentityGrantTypes.ApiKeyPrefix + Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        _keys[apiKey] = userId;
        return apiKey;
    }

    public void Revoke(string apiKey) => _keys.TryRemove(apiKey, out _);

    public int ExchangeCount(string apiKey) => _exchanges.GetValueOrDefault(apiKey);

    /// <summary>Paths the echo endpoint answered: proof that a request reached (or did not reach) downstream.</summary>
    public ConcurrentQueue<string> EchoedPaths { get; } = new();

    public string CreateToken(Guid userId, TimeSpan lifetime, string? apiKeyId = null)
    {
        var now = DateTime.UtcNow;
        var issuedAt = lifetime > TimeSpan.Zero ? now : now + lifetime - TimeSpan.FromMinutes(5);
        var claims = new List<Claim>
        {
            new("sub", userId.ToString()),
            new("name", "tester"),
            new("role", "operator"),
            new("scope", "identity.read users.read"),
        };
        if (apiKeyId is not null)
        {
            claims.Add(new Claim("api_key_id", apiKeyId));
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A token signed by a key nobody published.</summary>
    public static string CreateForeignToken(Guid userId)
    {
        using var rsa = RSA.Create(2048);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity([new Claim("sub", userId.ToString())]),
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa.ExportParameters(true)), SecurityAlgorithms.RsaSha256),
        });
    }

    private void MapEndpoints()
    {
        TestTokenIssuer.MapDiscovery(_app, _key);
        _app.MapPost("/connect/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
            {
                return Results.Json(new { error = "invalid_client" }, statusCode: 401);
            }

            var apiKey = form[IdentityGrantTypes.ApiKeyParameter].ToString();
            if (form["grant_type"] != IdentityGrantTypes.ApiKey || apiKey.Length == 0)
            {
                return Results.Json(new { error = "unsupported_grant_type" }, statusCode: 400);
            }

            _exchanges.AddOrUpdate(apiKey, 1, (_, count) => count + 1);
            if (!_keys.TryGetValue(apiKey, out var userId))
            {
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }

            var token = CreateToken(userId, TimeSpan.FromMinutes(5), apiKeyId: Guid.NewGuid().ToString());
            return Results.Json(new Dictionary<string, object>
            {
                ["access_token"] = token,
                ["token_type"] = "Bearer",
                ["expires_in"] = 300,
                ["scope"] = "identity.read users.read",
            });
        });
        _app.MapGet("/health/ready", () => Results.Json(new { status = "healthy" }));
        _app.MapGet("/openapi/v1.json", () => Results.Json(new Dictionary<string, object>
        {
            ["openapi"] = "3.1.1",
            ["info"] = new Dictionary<string, string> { ["title"] = "Identity", ["version"] = "v1" },
            ["servers"] = new[] { new Dictionary<string, string> { ["url"] = "http://127.0.0.1:1" } },
            ["paths"] = new Dictionary<string, object>(),
        }));
        _app.MapGet("/api/v1/slow/{**rest}", async (CancellationToken cancellationToken) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return Results.Ok();
        });
        _app.Map("/api/v1/users/ws", async (HttpContext context) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                return Results.BadRequest();
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var buffer = new byte[1024];
            var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
            var reply = System.Text.Encoding.UTF8.GetBytes("echo:" + System.Text.Encoding.UTF8.GetString(buffer, 0, received.Count));
            await socket.SendAsync(reply, System.Net.WebSockets.WebSocketMessageType.Text, true, context.RequestAborted);
            await socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "done", context.RequestAborted);
            return Results.Empty;
        });
        _app.Map("/{**path}", async (HttpContext context) =>
        {
            EchoedPaths.Enqueue(context.Request.Path);
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            return Results.Json(new EchoResponse(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                buffer.Length));
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Rsa.Dispose();
    }
}

public sealed record EchoResponse(string Method, string Path, Dictionary<string, string> Headers, long BodyLength);
