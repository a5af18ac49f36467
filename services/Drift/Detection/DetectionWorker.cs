using IacPlatform.Drift.Data;
using IacPlatform.Drift.Domain;
using IacPlatform.Drift.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IacPlatform.Drift.Detection;

/// <summary>
/// The detection loop: fails jobs whose process died, turns due resource checks into one resource-change job,
/// queues the sweep of workspaces not checked for a while (or whose ignore rules expired since), and claims pending jobs (FOR UPDATE SKIP LOCKED, so
/// replicas share the work), running up to <see cref="DriftServiceOptions.MaxConcurrentJobs"/> at once.
/// </summary>
internal sealed partial class DetectionWorker(
    IServiceScopeFactory scopes,
    DriftDetector detector,
    DetectionSignal signal,
    IOptions<DriftServiceOptions> options,
    TimeProvider time,
    ILogger<DetectionWorker> logger) : BackgroundService
{
    private readonly List<Task> _running = [];
    private DateTimeOffset _lastHousekeeping = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.Value.PollInterval;
            try
            {
                // Reaping and the sweep are housekeeping: once per poll interval, not on every signal of a sync's burst.
                if (time.GetUtcNow() - _lastHousekeeping >= options.Value.PollInterval)
                {
                    await ReapStaleJobsAsync(stoppingToken);
                    await QueueSweepAsync(stoppingToken);
                    _lastHousekeeping = time.GetUtcNow();
                }

                await PromoteDueChecksAsync(stoppingToken);
                _running.RemoveAll(task => task.IsCompleted);
                while (_running.Count < options.Value.MaxConcurrentJobs && await ClaimAsync(stoppingToken) is { } jobId)
                {
                    _running.Add(RunGuardedAsync(jobId, stoppingToken));
                }

                if (await NextCheckDueInAsync(stoppingToken) is { } due && due < wait)
                {
                    wait = due;
                }
            }
            catch (Exception ex) when (ex is NpgsqlException or DbUpdateException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                LogPollFailed(logger, ex);
            }

            await signal.WaitAsync(_running.Count > 0 && wait > TimeSpan.FromMilliseconds(250) ? TimeSpan.FromMilliseconds(250) : wait, stoppingToken);
        }

        await Task.WhenAll(_running);
    }

    private async Task RunGuardedAsync(Guid jobId, CancellationToken stoppingToken)
    {
        try
        {
            await detector.RunAsync(jobId, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await FailAsync(jobId, "The service stopped during the check; it runs again on the next trigger or sweep.");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogJobCrashed(logger, ex, jobId);
            await FailAsync(jobId, ex is HttpRequestException or TaskCanceledException or Polly.ExecutionRejectedException
                ? "A service the check depends on (State or Inventory) did not answer; the check will run again."
                : "The check failed unexpectedly: " + ex.GetType().Name + ".");
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
            var db = scope.ServiceProvider.GetRequiredService<DriftDb>();
            var job = await db.Jobs.SingleAsync(j => j.Id == jobId, CancellationToken.None);
            if (job.Status is JobStatuses.Pending or JobStatuses.Running)
            {
                job.Fail(message, time.GetUtcNow());
                await db.SaveChangesAsync(CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or DbUpdateException or InvalidOperationException)
        {
            LogPollFailed(logger, ex);
        }
    }

    private async Task ReapStaleJobsAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DriftDb>();
        var now = time.GetUtcNow();
        var staleBefore = now - options.Value.StaleJobAfter;
        const string error = "The process running this check stopped before it finished.";
        var reaped = await db.Database.ExecuteSqlAsync($"""
            UPDATE detection_jobs SET status = 'failed', completed_at = {now}, error = {error}
            WHERE status = 'running' AND coalesce(heartbeat_at, started_at, created_at) < {staleBefore}
            """, cancellationToken);
        if (reaped > 0)
        {
            LogReaped(logger, reaped);
        }
    }

    /// <summary>Due resource checks become one resource-change job, taken and queued in one transaction.</summary>
    private async Task PromoteDueChecksAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DriftDb>();
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var keys = await db.Database.SqlQuery<DueKey>($"""
            DELETE FROM pending_checks p USING (
                SELECT type, native_id FROM pending_checks WHERE due_at <= {now}
                ORDER BY due_at LIMIT {options.Value.MaxKeysPerJob} FOR UPDATE SKIP LOCKED) d
            WHERE p.type = d.type AND p.native_id = d.native_id
            RETURNING p.type AS "Type", p.native_id AS "NativeId"
            """).ToListAsync(cancellationToken);
        if (keys.Count == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return;
        }

        db.Jobs.Add(DetectionJob.Queue(JobTriggers.ResourceChange, null, null, null,
            [.. keys.Select(k => new CheckKey(k.Type, k.NativeId))], CheckTypes.All, deepScan: false, includeDeleted: true,
            "inventory", now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<TimeSpan?> NextCheckDueInAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DriftDb>();
        var next = await db.PendingChecks.OrderBy(c => c.DueAt).Select(c => (DateTimeOffset?)c.DueAt).FirstOrDefaultAsync(cancellationToken);
        return next is { } due ? TimeSpan.FromTicks(Math.Max(0, (due - time.GetUtcNow()).Ticks)) + TimeSpan.FromMilliseconds(10) : null;
    }

    private async Task QueueSweepAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DriftDb>();
        var now = time.GetUtcNow();
        var before = now - options.Value.SweepInterval;
        // Due: not checked for a sweep interval, or an ignore rule that applies to it expired since its last check
        // (the differences it hid count again now, not at the next sweep).
        var due = await db.Workspaces
            .Where(w => (w.LastCheckedAt == null || w.LastCheckedAt < before
                    || db.IgnoreRules.Any(r => r.ExpiresAt != null && r.ExpiresAt <= now && r.ExpiresAt > w.LastCheckedAt
                        && (r.Workspace == null || r.Workspace == w.Name)))
                && !db.Jobs.Any(j => j.Workspace == w.Name && (j.Status == JobStatuses.Pending || j.Status == JobStatuses.Running)))
            .OrderBy(w => w.LastCheckedAt).Select(w => w.Name).Take(20).ToListAsync(cancellationToken);
        foreach (var workspace in due)
        {
            db.Jobs.Add(DetectionJob.Queue(JobTriggers.Sweep, workspace, null, null, null, CheckTypes.All, deepScan: true,
                includeDeleted: true, "sweep", now));
        }

        if (due.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task<Guid?> ClaimAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DriftDb>();
        var now = time.GetUtcNow();
        var claimed = await db.Database.SqlQuery<Guid>($"""
            UPDATE detection_jobs SET status = 'running', started_at = {now}, heartbeat_at = {now}
            WHERE id = (SELECT id FROM detection_jobs WHERE status = 'pending' ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        return claimed.Count == 0 ? null : claimed[0];
    }

    private sealed record DueKey(string Type, string NativeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for drift work failed; retrying")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed {Count} drift job(s) whose process stopped heart-beating")]
    private static partial void LogReaped(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Drift job {JobId} failed unexpectedly")]
    private static partial void LogJobCrashed(ILogger logger, Exception exception, Guid jobId);
}
