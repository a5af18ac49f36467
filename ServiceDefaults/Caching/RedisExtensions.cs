using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace IacPlatform.ServiceDefaults.Caching;

public static class RedisExtensions
{
    /// <summary>
    /// A shared <see cref="IConnectionMultiplexer"/> from <c>ConnectionStrings:{connectionName}</c>. It does
    /// not abort when Redis is down at start-up: it keeps reconnecting, and readiness says so.
    /// </summary>
    public static IHostApplicationBuilder AddRedisConnection(this IHostApplicationBuilder builder, string connectionName = "cache")
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IConnectionMultiplexer>(services =>
        {
            var connectionString = services.GetRequiredService<IConfiguration>().GetConnectionString(connectionName)
                ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured.");
            var options = ConfigurationOptions.Parse(connectionString);
            options.AbortOnConnectFail = false;
            options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
            options.SyncTimeout = Math.Min(options.SyncTimeout, 2000);
            options.AsyncTimeout = Math.Min(options.AsyncTimeout, 2000);
            return ConnectionMultiplexer.Connect(options);
        });
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "redis",
            services => new RedisHealthCheck(services.GetRequiredService<IConnectionMultiplexer>()),
            HealthStatus.Unhealthy,
            [HealthTags.Ready],
            TimeSpan.FromSeconds(3)));
        return builder;
    }
}
