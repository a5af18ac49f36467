using System.Security.Cryptography;
using System.Text.Json;
using IacPlatform.Contracts.State;
using IacPlatform.ServiceDefaults.Messaging;
using IacPlatform.State.Data;
using IacPlatform.State.Domain;
using IacPlatform.ServiceDefaults.Encryption;
using IacPlatform.State.Tfstate;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.State.Storage;

/// <summary>
/// The one write path for state bytes, whoever writes (the CLI, a rollback, an import/remove/move): validate
/// the bytes as tfstate v4, serialize on the workspace row, enforce the lock and the lineage/serial rules,
/// encrypt, store an immutable version and stage StateVersionCreated, all in one transaction.
/// </summary>
public sealed class StateWriter(StateDb db, EnvelopeCipher cipher, TimeProvider time)
{
    public async Task<StateWriteOutcome> WriteAsync(StateWriteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Force && !request.Author.IsAdmin)
        {
            return new StateWriteOutcome.ForceNotAllowed();
        }

        var prepared = await PrepareAsync(request.Content);
        if (request.ContentMd5 is { Length: > 0 } md5Header && !Md5Matches(prepared.Md5, md5Header))
        {
            return new StateWriteOutcome.Invalid("Content-MD5", "Content-MD5 does not match the body; the upload was corrupted.");
        }

        if (prepared.FormatError is { } formatError)
        {
            return new StateWriteOutcome.Invalid("state", formatError);
        }

        var facts = prepared.Facts!;

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var workspace = await WorkspaceRows.LockAsync(db, request.Workspace, request.CreateWorkspace ? request.Author : null, now, cancellationToken);
        if (workspace is null)
        {
            return new StateWriteOutcome.WorkspaceMissing(request.Workspace);
        }

        if (CheckLock(workspace, request.LockId) is { } lockRefusal)
        {
            return lockRefusal;
        }

        var current = workspace.CurrentVersionId is { } currentId
            ? await db.Versions.SingleAsync(v => v.Id == currentId, cancellationToken)
            : null;
        if (current is not null && !request.Force)
        {
            if (CheckHistory(current, facts) is { } historyRefusal)
            {
                return historyRefusal;
            }
        }

        if (current is not null && current.Serial == facts.Serial && current.Checksum == facts.Checksum)
        {
            return new StateWriteOutcome.Unchanged(current);
        }

        if (await db.Versions.AnyAsync(v => v.WorkspaceId == workspace.Id && v.Serial == facts.Serial, cancellationToken))
        {
            return new StateWriteOutcome.SerialConflict(current?.Serial ?? facts.Serial, facts.Serial,
                $"Serial {facts.Serial} is already in this workspace's history; write a higher serial.");
        }

        var source = request.Force && request.Source == VersionSource.Cli ? VersionSource.ForcedWrite : request.Source;
        var version = StateVersion.Create(workspace.Id, facts, source, request.Author, now, request.RestoredFromSerial, request.Reason);
        db.Versions.Add(version);
        db.Contents.Add(StateContent.Create(version.Id, cipher.Encrypt(prepared.Compressed, version.Id), StateCompression.Gzip));
        workspace.AdvanceTo(version, now);
        if (source != VersionSource.Cli)
        {
            db.Audit.Add(AuditEntry.Record(workspace.Id, AuditActions.ForVersion(source), request.Author, request.Reason,
                JsonSerializer.Serialize(new
                {
                    serial = version.Serial,
                    previous_serial = current?.Serial,
                    previous_lineage = current?.Lineage,
                    lineage = version.Lineage,
                    restored_from_serial = request.RestoredFromSerial,
                }), now));
        }

        db.StageEvent(new StateVersionCreated(
            Guid.CreateVersion7(now), now, workspace.Id, workspace.Name, version.Id, version.Serial, version.Lineage,
            version.ResourceCount, facts.Addresses, source.ToString().ToLowerInvariant(), request.Author.UserId));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StateWriteOutcome.Written(version);
    }

    /// <summary>
    /// Everything a write computes from the bytes, before it touches the database: the scan (validation and
    /// addresses) on this thread while the hashes and the gzip run beside it, since on a 10 MB state each takes
    /// tens of milliseconds.
    /// </summary>
    public static async Task<PreparedState> PrepareAsync(ReadOnlyMemory<byte> content)
    {
        var sha = Task.Run(() => SHA256.HashData(content.Span));
#pragma warning disable CA5351 // MD5 is what Terraform's http client sends and checks (Content-MD5), not a security control.
        var md5 = Task.Run(() => MD5.HashData(content.Span));
#pragma warning restore CA5351
        var compressed = Task.Run(() => StateCompression.Compress(content.Span));
        TfstateSummary? summary = null;
        string? formatError = null;
        try
        {
            summary = TfstateScanner.Scan(content.Span);
        }
        catch (TfstateFormatException ex)
        {
            formatError = ex.Message;
        }

        var md5Bytes = await md5;
        var facts = summary is null
            ? null
            : new StateFacts(summary.Serial, summary.Lineage, summary.TerraformVersion, Convert.ToHexStringLower(await sha),
                Convert.ToBase64String(md5Bytes), content.Length, summary.ResourceCount, summary.Addresses);
        return new PreparedState(facts, formatError, md5Bytes, await compressed);
    }

    private static bool Md5Matches(byte[] actual, string header)
    {
        Span<byte> expected = stackalloc byte[MD5.HashSizeInBytes];
        return Convert.TryFromBase64String(header.Trim(), expected, out var written)
            && written == MD5.HashSizeInBytes
            && CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static StateWriteOutcome? CheckLock(Workspace workspace, string? lockId)
    {
        if (workspace.LockId is null)
        {
            // A writer that believes it holds a lock must not write once that lock was broken under it.
            return lockId is null ? null : new StateWriteOutcome.LockNotHeld(workspace, lockId);
        }

        if (lockId is null)
        {
            return new StateWriteOutcome.Locked(workspace);
        }

        return string.Equals(lockId, workspace.LockId, StringComparison.Ordinal)
            ? null
            : new StateWriteOutcome.LockNotHeld(workspace, lockId);
    }

    private static StateWriteOutcome? CheckHistory(StateVersion current, StateFacts facts)
    {
        if (!string.Equals(current.Lineage, facts.Lineage, StringComparison.Ordinal))
        {
            return new StateWriteOutcome.LineageMismatch(current.Lineage, facts.Lineage);
        }

        if (facts.Serial < current.Serial)
        {
            return new StateWriteOutcome.SerialConflict(current.Serial, facts.Serial,
                $"Serial {facts.Serial} is older than the current serial {current.Serial}; refusing to go backwards.");
        }

        if (facts.Serial == current.Serial && current.Checksum != facts.Checksum)
        {
            return new StateWriteOutcome.SerialConflict(current.Serial, facts.Serial,
                $"Serial {facts.Serial} is already stored with different content; a changed state needs a higher serial.");
        }

        return null;
    }
}
