using System.Net.Http.Headers;
using System.Security.Cryptography;
using IacPlatform.Contracts.Security;
using IacPlatform.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IacPlatform.State.Tests.Infrastructure;

/// <summary>
/// The State service on a real Kestrel port (Terraform and the run tests call it over TCP), with its own
/// database and RabbitMQ vhost, validating tokens from a <see cref="TestTokenIssuer"/>.
/// </summary>
public sealed class StateApp(IReadOnlyDictionary<string, string?> settings, TestTokenIssuer issuer)
    : WebApplicationFactory<IacPlatform.State.Program>
{
    public static readonly string EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public TestTokenIssuer Issuer => issuer;

    public string ConnectionString => settings["ConnectionStrings:statedb"]!;

    public Uri BaseAddress => ClientOptions.BaseAddress;

    public static async Task<StateApp> StartAsync(
        InfrastructureFixture infrastructure, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var issuer = await TestTokenIssuer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:statedb"] = await infrastructure.CreateDatabaseAsync("state"),
            ["ConnectionStrings:messaging"] = await infrastructure.CreateVirtualHostAsync("state"),
            ["Database:MigrateOnStartup"] = "true",
            ["OTEL_SERVICE_NAME"] = "state-tests",
            ["services:identity:http:0"] = issuer.BaseAddress.ToString(),
            ["State:Encryption:ActiveKeyId"] = "k1",
            ["State:Encryption:Keys:k1"] = EncryptionKey,
            ["Outbox:PollInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            // A null override removes the setting.
            if (value is null)
            {
                settings.Remove(key);
            }
            else
            {
                settings[key] = value;
            }
        }

        var app = new StateApp(settings, issuer);
        app.UseKestrel(0);
        app.StartServer();
        return app;
    }

    /// <summary>A client authenticated as a fresh user of <paramref name="role"/> with that role's scopes.</summary>
    public HttpClient ClientFor(string role, Guid? userId = null, string? name = null, string? scopes = null)
    {
        var client = CreateClient();
        var token = issuer.CreateToken(userId ?? Guid.NewGuid(), name ?? $"{role}-user", role,
            scopes ?? string.Join(' ', ApiScopes.ForRole(role)));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Admin() => ClientFor(Roles.Admin);

    public HttpClient Operator() => ClientFor(Roles.Operator);

    public HttpClient Viewer() => ClientFor(Roles.Viewer);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await issuer.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
