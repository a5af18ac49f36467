using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IacPlatform.ServiceDefaults.Persistence;

internal sealed class DatabaseHealthCheck<TDb>(IServiceScopeFactory scopes, MigrationState<TDb> state) : IHealthCheck
    where TDb : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!state.Ready)
        {
            return HealthCheckResult.Unhealthy("Migrations have not been applied yet.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("PostgreSQL is unreachable.");
    }
}
