using IacPlatform.Contracts.Inventory;
using IacPlatform.Drift.Data;
using IacPlatform.Drift.Detection;
using IacPlatform.Drift.Domain;
using IacPlatform.Drift.Engine;
using IacPlatform.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Drift.Messaging;

/// <summary>
/// The inventory finished syncing an account: re-check (deep) every workspace whose resources live there, and every
/// workspace with resources the inventory had not seen yet (this sync may have brought them in), and every workspace
/// being checked right now (its check may have read the inventory before this sync wrote). A workspace with a check
/// already pending gets no second one. At most once per event (inbox).
/// </summary>
internal sealed class SyncCompletedConsumer(DriftDb db, DetectionSignal signal, TimeProvider time) : IConsumer<SyncCompleted>
{
    public async Task Consume(ConsumeContext<SyncCompleted> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        var queued = 0;
        await db.ProcessOnceAsync(message.EventId, "drift.sync-completed", async ct =>
        {
            var now = time.GetUtcNow();
            var workspaces = await db.Workspaces
                .Where(w => (w.AccountIds.Contains(message.AccountId) || w.NotObserved > 0
                        || db.Jobs.Any(j => j.Workspace == w.Name && j.Status == JobStatuses.Running))
                    && !db.Jobs.Any(j => j.Workspace == w.Name && j.Status == JobStatuses.Pending))
                .Select(w => w.Name).Take(500).ToListAsync(ct);
            foreach (var workspace in workspaces)
            {
                db.Jobs.Add(DetectionJob.Queue(JobTriggers.Sync, workspace, null, null, null, CheckTypes.All,
                    deepScan: true, includeDeleted: true, "inventory", now));
            }

            queued = workspaces.Count;
        }, context.CancellationToken);
        if (queued > 0)
        {
            signal.Notify();
        }
    }
}
