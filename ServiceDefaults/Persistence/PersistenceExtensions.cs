using IacPlatform.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace IacPlatform.ServiceDefaults.Persistence;

public static class PersistenceExtensions
{
    /// <summary>
    /// The service's own PostgreSQL database: DbContext from <c>ConnectionStrings:{connectionName}</c>,
    /// a readiness check, migrations at start-up when <c>Database:MigrateOnStartup</c> is set.
    /// No EnableRetryOnFailure: the outbox and inbox use explicit transactions.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TDb>(
        this IHostApplicationBuilder builder, string connectionName, Action<DbContextOptionsBuilder>? configure = null)
        where TDb : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxSignalInterceptor>();
        builder.Services.AddDbContext<TDb>((services, options) =>
        {
            var connectionString = services.GetRequiredService<IConfiguration>().GetConnectionString(connectionName)
                ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured.");
            options.UseNpgsql(connectionString);
            options.AddInterceptors(services.GetRequiredService<OutboxSignalInterceptor>());
            configure?.Invoke(options);
        });
        builder.Services.AddSingleton<MigrationState<TDb>>();
        builder.Services.AddHostedService<MigrationHostedService<TDb>>();
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "postgres",
            services => ActivatorUtilities.CreateInstance<DatabaseHealthCheck<TDb>>(services),
            HealthStatus.Unhealthy,
            [HealthTags.Ready],
            TimeSpan.FromSeconds(5)));
        return builder;
    }
}
