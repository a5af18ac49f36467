using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IacPlatform.ServiceDefaults.Persistence;

/// <summary>
/// Applies migrations in <see cref="IHostedLifecycleService.StartingAsync"/>, before any hosted
/// service (the web server included) starts. With <c>--migrate-only</c> the process migrates and exits:
/// that is what the Kubernetes migration Job runs.
/// </summary>
internal sealed partial class MigrationHostedService<TDb>(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> options,
    MigrationState<TDb> state,
    IHostApplicationLifetime lifetime,
    ILogger<MigrationHostedService<TDb>> logger) : IHostedLifecycleService
    where TDb : DbContext
{
    public static bool MigrateOnly => Environment.GetCommandLineArgs().Contains("--migrate-only", StringComparer.Ordinal);

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStartup && !MigrateOnly)
        {
            state.MarkReady();
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        LogMigrating(logger, typeof(TDb).Name, pending.Count);
        await db.Database.MigrateAsync(cancellationToken);
        state.MarkReady();
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (MigrateOnly)
        {
            LogMigrateOnlyDone(logger, typeof(TDb).Name);
            lifetime.StopApplication();
        }

        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} pending migration(s) to {Database}")]
    private static partial void LogMigrating(ILogger logger, string database, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Database} migrated; exiting (--migrate-only)")]
    private static partial void LogMigrateOnlyDone(ILogger logger, string database);
}
