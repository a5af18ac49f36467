using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Domain;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Inventory.Sync;

/// <summary>Queuing a sync: the account's active job if it has one (one at a time), else a new queued job.</summary>
internal static class SyncJobs
{
    public static async Task<(SyncJob Job, bool Created)> QueueAsync(
        InventoryDb db, CloudAccount account, string trigger, string requestedBy, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(account);
        var active = await db.SyncJobs.FirstOrDefaultAsync(
            j => j.AccountId == account.Id && (j.Status == SyncStatuses.Queued || j.Status == SyncStatuses.Running), cancellationToken);
        if (active is not null)
        {
            return (active, false);
        }

        var job = SyncJob.Queue(Guid.CreateVersion7(now), account.Id, trigger, requestedBy, now);
        db.SyncJobs.Add(job);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (job, true);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Another request queued one between the check and the insert: answer with that one.
            db.Entry(job).State = EntityState.Detached;
            var existing = await db.SyncJobs.AsNoTracking().FirstAsync(
                j => j.AccountId == account.Id && (j.Status == SyncStatuses.Queued || j.Status == SyncStatuses.Running), cancellationToken);
            return (existing, false);
        }
    }
}
