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
    public async Task<bool> QueueAsync(string type, string nativeId, Guid accountId, CancellationToken cancellationToken)
    {
        var relevant = await db.ManagedResources.AnyAsync(r => r.NativeId == nativeId && r.Type == type, cancellationToken)
            || await db.Findings.AnyAsync(f => f.NativeId == nativeId && f.Type == type, cancellationToken)
            || await db.Workspaces.AnyAsync(w => w.AccountIds.Contains(accountId), cancellationToken);
        if (!relevant)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var due = now + options.Value.ResourceCheckDelay;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO pending_checks (type, native_id, due_at, queued_at) VALUES ({type}, {nativeId}, {due}, {now})
            ON CONFLICT (type, native_id) DO NOTHING
            """, cancellationToken);
        signal.Notify();
        return true;
    }
}
