using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IacPlatform.Inventory.Sync;

/// <summary>
/// Queues scheduled syncs of accounts that are due, claims queued jobs (FOR UPDATE SKIP LOCKED, so replicas share
/// the work) and runs up to <see cref="InventoryServiceOptions.MaxConcurrentSyncs"/> at once. At most one job per
/// account is queued or running (a partial unique index), so an account is never synced twice at the same time.
/// </summary>
internal sealed partial class SyncWorker(
    IServiceScopeFactory scopes,
    SyncRunner runner,
    SyncSignal signal,
    IOptions<InventoryServiceOptions> options,
    TimeProvider time,
    ILogger<SyncWorker> logger) : BackgroundService
{
    private readonly List<Task> _running = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReapStaleJobsAsync(stoppingToken);
                await QueueDueAccountsAsync(stoppingToken);
                _running.RemoveAll(task => task.IsCompleted);
                while (_running.Count < options.Value.MaxConcurrentSyncs && await ClaimAsync(stoppingToken) is { } jobId)
                {
                    _running.Add(RunGuardedAsync(jobId, stoppingToken));
                }
            }
            catch (Exception ex) when (ex is NpgsqlException or DbUpdateException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                // The database is away (or not migrated yet): try again at the next tick.
                LogPollFailed(logger, ex);
            }

            await signal.WaitAsync(_running.Count > 0 ? TimeSpan.FromMilliseconds(500) : options.Value.SchedulerInterval, stoppingToken);
        }

        await Task.WhenAll(_running);
    }

    private async Task RunGuardedAsync(Guid jobId, CancellationToken stoppingToken)
    {
        try
        {
            await runner.RunAsync(jobId, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await FailAsync(jobId, "The service stopped during the sync; it will run again on the next trigger or schedule.");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogSyncCrashed(logger, ex, jobId);
            await FailAsync(jobId, "The sync failed unexpectedly: " + ex.GetType().Name + ".");
        }
        finally
        {
            signal.Notify();
        }
    }

    private async Task FailAsync(Guid jobId, string message)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<InventoryDb>();
            var job = await db.SyncJobs.SingleAsync(j => j.Id == jobId, CancellationToken.None);
            if (!job.IsFinished)
            {
                job.Fail(UnitError.ToJson([UnitError.Job(message)]), time.GetUtcNow());
                await db.SaveChangesAsync(CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or DbUpdateException or InvalidOperationException)
        {
            LogPollFailed(logger, ex);
        }
    }

    /// <summary>Fails running jobs whose process stopped heart-beating, so their account can be synced again.</summary>
    private async Task ReapStaleJobsAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<InventoryDb>();
        var now = time.GetUtcNow();
        var staleBefore = now - options.Value.StaleJobAfter;
        var errors = UnitError.ToJson([UnitError.Job("The process running this sync stopped before it finished.")]);
        var reaped = await db.Database.ExecuteSqlAsync($"""
            UPDATE sync_jobs SET status = 'failed', finished_at = {now}, errors = {errors}::jsonb
            WHERE status = 'running' AND coalesce(heartbeat_at, started_at, created_at) < {staleBefore}
            """, cancellationToken);
        if (reaped > 0)
        {
            LogReaped(logger, reaped);
        }
    }

    private async Task QueueDueAccountsAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<InventoryDb>();
        var now = time.GetUtcNow();
        var due = await db.Accounts
            .Where(a => a.DeletedAt == null && a.IsActive && a.NextSyncAt != null && a.NextSyncAt <= now)
            .OrderBy(a => a.NextSyncAt).Take(50).ToListAsync(cancellationToken);
        foreach (var account in due)
        {
            await SyncJobs.QueueAsync(db, account, "schedule", "scheduler", now, cancellationToken);
            account.ScheduleNext(now);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task<Guid?> ClaimAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<InventoryDb>();
        var claimed = await db.Database.SqlQuery<Guid>($"""
            UPDATE sync_jobs SET status = 'running', started_at = {time.GetUtcNow()}, heartbeat_at = {time.GetUtcNow()}
            WHERE id = (SELECT id FROM sync_jobs WHERE status = 'queued' ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        return claimed.Count == 0 ? null : claimed[0];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for sync work failed; retrying")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed {Count} sync job(s) whose process stopped heart-beating")]
    private static partial void LogReaped(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync job {JobId} failed unexpectedly")]
    private static partial void LogSyncCrashed(ILogger logger, Exception exception, Guid jobId);
}
