using IacPlatform.Drift.Data;
using IacPlatform.Drift.Detection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IacPlatform.Drift.Messaging;

/// <summary>
/// Queues a check of one observed resource when it matters to drift: a state manages it, a finding tracks it, or
/// it lives in an account a workspace's resources live in (so it may be unmanaged). Idempotent by construction
/// (one pending row per key, ON CONFLICT DO NOTHING), so a redelivered event has no second effect.
/// </summary>
internal sealed class ResourceChecks(DriftDb db, DetectionSignal signal, IOptions<DriftServiceOptions> options, TimeProvider time)
{
    /// <summary>True when a check was queued (false: drift does not care, or one is already pending).</summary>
    public async Task<bool> QueueAsync(string type, string nativeId, Guid accountId, CancellationToken cancellationToken)
    {
        // One statement per event (a first sync publishes one per resource): relevance and the insert together.
        var now = time.GetUtcNow();
        var due = now + options.Value.ResourceCheckDelay;
        var queued = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO pending_checks (type, native_id, due_at, queued_at)
            SELECT {type}, {nativeId}, {due}, {now}
            WHERE EXISTS (SELECT 1 FROM managed_resources WHERE native_id = {nativeId} AND type = {type})
               OR EXISTS (SELECT 1 FROM drift_findings WHERE native_id = {nativeId} AND type = {type})
               OR EXISTS (SELECT 1 FROM workspaces WHERE {accountId} = ANY(account_ids))
            ON CONFLICT (type, native_id) DO NOTHING
            """, cancellationToken);
        if (queued > 0)
        {
            signal.Notify();
        }

        return queued > 0;
    }
}
