using System.Net.Http.Headers;
using IacPlatform.Contracts.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IacPlatform.Testing;

/// <summary>
/// A service on a real Kestrel port with its own database and RabbitMQ vhost, validating tokens from a
/// <see cref="TestTokenIssuer"/>; each service's test app adds only its own settings.
/// </summary>
public abstract class ServiceApp<TProgram>(IReadOnlyDictionary<string, string?> settings, TestTokenIssuer issuer, string database)
    : WebApplicationFactory<TProgram>
    where TProgram : class
{
    public TestTokenIssuer Issuer => issuer;

    public string ConnectionString => settings[$"ConnectionStrings:{database}"]!;

    public Uri BaseAddress => ClientOptions.BaseAddress;

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
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// The common settings (database, vhost, migrations, identity = the issuer, a fast outbox) plus the service's
    /// own, then <paramref name="overrides"/> (a null value removes a setting).
    /// </summary>
    protected static async Task<(Dictionary<string, string?> Settings, TestTokenIssuer Issuer)> PrepareAsync(
        InfrastructureFixture infrastructure, string service, string database,
        IReadOnlyDictionary<string, string?> own, IReadOnlyDictionary<string, string?>? overrides)
    {
        ArgumentNullException.ThrowIfNull(infrastructure);
        ArgumentNullException.ThrowIfNull(own);
        var issuer = await TestTokenIssuer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{database}"] = await infrastructure.CreateDatabaseAsync(service),
            ["ConnectionStrings:messaging"] = await infrastructure.CreateVirtualHostAsync(service),
            ["Database:MigrateOnStartup"] = "true",
            ["OTEL_SERVICE_NAME"] = $"{service}-tests",
            ["services:identity:http:0"] = issuer.BaseAddress.ToString(),
            ["Outbox:PollInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in own.Concat(overrides ?? new Dictionary<string, string?>()))
        {
            if (value is null)
            {
                settings.Remove(key);
            }
            else
            {
                settings[key] = value;
            }
        }

        return (settings, issuer);
    }

    /// <summary>Binds the app to a free loopback port and starts it.</summary>
    protected static TApp Start<TApp>(TApp app)
        where TApp : ServiceApp<TProgram>
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseKestrel(0);
        app.StartServer();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
