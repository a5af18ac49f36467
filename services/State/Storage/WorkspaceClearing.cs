using System.Text.Json;
using IacPlatform.State.Data;
using IacPlatform.State.Domain;

namespace IacPlatform.State.Storage;

/// <summary>
/// Terraform's DELETE of a state: the workspace reads as empty afterwards (so the next write may start a new
/// lineage), while every version stays in history and the deletion is audited. Nothing is ever destroyed.
/// </summary>
public sealed class WorkspaceClearing(StateDb db, TimeProvider time)
{
    public async Task<LockOutcome> ClearAsync(string name, Author author, string? lockId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(author);
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var workspace = await WorkspaceRows.LockAsync(db, name, null, now, cancellationToken);
        if (workspace is null)
        {
            return new LockOutcome(LockStatus.WorkspaceMissing, null);
        }

        if (workspace.LockId is not null && !string.Equals(workspace.LockId, lockId, StringComparison.Ordinal))
        {
            return new LockOutcome(LockStatus.Conflict, workspace);
        }

        if (workspace.CurrentVersionId is not null)
        {
            db.Audit.Add(AuditEntry.Record(workspace.Id, AuditActions.Delete, author, null, JsonSerializer.Serialize(new
            {
                serial = workspace.CurrentSerial,
                lineage = workspace.Lineage,
                version_id = workspace.CurrentVersionId,
            }), now));
            workspace.ClearCurrent(now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return new LockOutcome(LockStatus.Released, workspace);
    }
}
