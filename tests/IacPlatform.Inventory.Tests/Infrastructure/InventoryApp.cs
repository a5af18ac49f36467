using System.Net.Http.Headers;
using System.Security.Cryptography;
using IacPlatform.Contracts.Security;
using IacPlatform.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IacPlatform.Inventory.Tests.Infrastructure;

/// <summary>
/// The Inventory service on a real Kestrel port, with its own
/// database and RabbitMQ vhost, validating tokens from a <see cref="TestTokenIssuer"/>.
/// </summary>
public sealed class InventoryApp(IReadOnlyDictionary<string, string?> settings, TestTokenIssuer issuer)
    : WebApplicationFactory<IacPlatform.Inventory.Program>
{
    public static readonly string EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public TestTokenIssuer Issuer => issuer;

    public string ConnectionString => settings["ConnectionStrings:inventorydb"]!;

    public Uri BaseAddress => ClientOptions.BaseAddress;

    public static async Task<InventoryApp> StartAsync(
        InfrastructureFixture infrastructure, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var issuer = await TestTokenIssuer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:inventorydb"] = await infrastructure.CreateDatabaseAsync("inventory"),
            ["ConnectionStrings:messaging"] = await infrastructure.CreateVirtualHostAsync("inventory"),
            ["Database:MigrateOnStartup"] = "true",
            ["OTEL_SERVICE_NAME"] = "inventory-tests",
            ["services:identity:http:0"] = issuer.BaseAddress.ToString(),
            ["Inventory:Encryption:ActiveKeyId"] = "k1",
            ["Inventory:Encryption:Keys:k1"] = EncryptionKey,
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

        var app = new InventoryApp(settings, issuer);
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
