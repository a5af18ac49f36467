using System.Text.Json;
using IacPlatform.Contracts.State;
using IacPlatform.ServiceDefaults.Messaging;
using IacPlatform.State.Data;
using IacPlatform.State.Domain;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.State.Storage;

/// <summary>Terraform's lock protocol on a workspace row, plus the administrators' audited force-unlock.</summary>
public sealed class WorkspaceLocks(StateDb db, TimeProvider time)
{
    public async Task<LockOutcome> LockAsync(string name, LockInfo info, Author author, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(info);
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var workspace = await WorkspaceRows.LockAsync(db, name, author, now, cancellationToken);
        if (workspace is null)
        {
            return new LockOutcome(LockStatus.WorkspaceMissing, null);
        }

        if (workspace.LockId is not null)
        {
            var same = string.Equals(workspace.LockId, info.Id, StringComparison.Ordinal);
            return new LockOutcome(same ? LockStatus.AlreadyHeld : LockStatus.Conflict, workspace);
        }

        workspace.Lock(info.Id, info.Raw, author.UserId, author.Name, now);
        db.StageEvent(new StateLocked(Guid.CreateVersion7(now), now, workspace.Id, workspace.Name, info.Id,
            info.Operation, info.Who, author.UserId));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new LockOutcome(LockStatus.Acquired, workspace);
    }

    /// <summary>Releases the lock when <paramref name="lockId"/> is the holder's id.</summary>
    public Task<LockOutcome> UnlockAsync(string name, string lockId, Author author, CancellationToken cancellationToken) =>
        ReleaseAsync(name, author, lockId, forced: false, reason: null, cancellationToken);

    /// <summary>
    /// Breaks whatever lock is held (administrators only; the caller checks), recording who broke whose lock.
    /// With <paramref name="expectedLockId"/> it only breaks that lock, so a stale request cannot break a newer one.
    /// </summary>
    public Task<LockOutcome> ForceUnlockAsync(
        string name, Author admin, string? reason, string? expectedLockId, CancellationToken cancellationToken) =>
        ReleaseAsync(name, admin, expectedLockId, forced: true, reason, cancellationToken);

    private async Task<LockOutcome> ReleaseAsync(
        string name, Author author, string? expectedLockId, bool forced, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(author);
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var workspace = await WorkspaceRows.LockAsync(db, name, null, now, cancellationToken);
        if (workspace is null)
        {
            return new LockOutcome(LockStatus.WorkspaceMissing, null);
        }

        if (workspace.LockId is not { } lockId)
        {
            return new LockOutcome(LockStatus.NotLocked, workspace);
        }

        if (expectedLockId is not null && !string.Equals(lockId, expectedLockId, StringComparison.Ordinal))
        {
            return new LockOutcome(LockStatus.Conflict, workspace);
        }

        if (forced)
        {
            db.Audit.Add(AuditEntry.Record(workspace.Id, AuditActions.ForceUnlock, author, reason, JsonSerializer.Serialize(new
            {
                lock_id = lockId,
                holder_id = workspace.LockedBy,
                holder_name = workspace.LockedByName,
                locked_at = workspace.LockedAt,
                lock_info = workspace.LockInfo is { } info ? JsonSerializer.Deserialize<JsonElement>(info) : (JsonElement?)null,
            }), now));
        }

        workspace.Unlock(now);
        db.StageEvent(new StateUnlocked(Guid.CreateVersion7(now), now, workspace.Id, workspace.Name, lockId, forced, author.UserId));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new LockOutcome(LockStatus.Released, workspace);
    }

    /// <summary>The workspace as it is now, without taking its row lock.</summary>
    public Task<Workspace?> PeekAsync(string name, CancellationToken cancellationToken) =>
        db.Workspaces.AsNoTracking().SingleOrDefaultAsync(w => w.Name == name, cancellationToken);
}
