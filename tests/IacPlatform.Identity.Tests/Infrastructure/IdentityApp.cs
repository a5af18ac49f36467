using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IacPlatform.Identity.Tests.Infrastructure;

/// <summary>The Identity service in-process, on its own database and RabbitMQ vhost.</summary>
public sealed class IdentityApp(IReadOnlyDictionary<string, string?> settings, bool withOutboxRelay = true)
    : WebApplicationFactory<IacPlatform.Identity.Program>
{
    public const string AdminUsername = "admin";
    public const string AdminPassword = "Admin-Password-For-Tests-1";
    public const string GatewaySecret = "gateway-secret-for-tests";
    public const string StateSecret = "state-secret-for-tests";

    public static async Task<IdentityApp> StartAsync(
        IacPlatform.Testing.InfrastructureFixture infrastructure,
        IReadOnlyDictionary<string, string?>? overrides = null,
        bool withOutboxRelay = true)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:identitydb"] = await infrastructure.CreateDatabaseAsync("identity"),
            ["ConnectionStrings:messaging"] = await infrastructure.CreateVirtualHostAsync("identity"),
            ["Database:MigrateOnStartup"] = "true",
            ["OTEL_SERVICE_NAME"] = "identity-tests",
            ["IACP_ADMIN_USERNAME"] = AdminUsername,
            ["IACP_ADMIN_PASSWORD"] = AdminPassword,
            ["Identity:ServiceClients:gateway"] = GatewaySecret,
            ["Identity:ServiceClients:state"] = StateSecret,
            ["Outbox:PollInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = new IdentityApp(settings, withOutboxRelay);
        app.StartServer();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (!withOutboxRelay)
        {
            builder.ConfigureServices(services =>
            {
                var relays = services.Where(d => d.ImplementationType?.Name.StartsWith("OutboxRelay", StringComparison.Ordinal) == true).ToList();
                foreach (var relay in relays)
                {
                    services.Remove(relay);
                }
            });
        }
    }
}
