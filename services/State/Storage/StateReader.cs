using IacPlatform.State.Data;
using IacPlatform.State.Domain;
using IacPlatform.State.Encryption;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.State.Storage;

/// <summary>Reads versions back: metadata, and the decrypted bytes exactly as they were written.</summary>
public sealed class StateReader(StateDb db, EnvelopeCipher cipher)
{
    public Task<Workspace?> FindWorkspaceAsync(string name, CancellationToken cancellationToken) =>
        db.Workspaces.AsNoTracking().SingleOrDefaultAsync(w => w.Name == name, cancellationToken);

    public Task<Workspace?> FindWorkspaceAsync(Guid id, CancellationToken cancellationToken) =>
        db.Workspaces.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, cancellationToken);

    public Task<StateVersion?> FindVersionAsync(Guid workspaceId, long serial, CancellationToken cancellationToken) =>
        db.Versions.AsNoTracking().SingleOrDefaultAsync(v => v.WorkspaceId == workspaceId && v.Serial == serial, cancellationToken);

    public Task<StateVersion?> FindVersionAsync(Guid versionId, CancellationToken cancellationToken) =>
        db.Versions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);

    public async Task<byte[]> ReadContentAsync(Guid versionId, CancellationToken cancellationToken)
    {
        var (stored, encoding, size) = await ReadStoredAsync(versionId, cancellationToken);
        return encoding == StateCompression.Gzip ? StateCompression.Decompress(stored, size) : stored;
    }

    /// <summary>The decrypted bytes as stored (possibly gzip), their encoding, and the size of the state itself.</summary>
    public async Task<(byte[] Stored, string Encoding, long Size)> ReadStoredAsync(Guid versionId, CancellationToken cancellationToken)
    {
        var row = await db.Contents.AsNoTracking()
            .Join(db.Versions, c => c.VersionId, v => v.Id, (c, v) => new { Content = c, v.Size })
            .SingleAsync(x => x.Content.VersionId == versionId, cancellationToken);
        return (cipher.Decrypt(row.Content.ToPayload(), versionId), row.Content.Encoding, row.Size);
    }

    /// <summary>The current version and its bytes, or null when the workspace is missing or empty.</summary>
    public async Task<(Workspace Workspace, StateVersion Version, byte[] Content)?> ReadCurrentAsync(
        string name, CancellationToken cancellationToken)
    {
        var workspace = await FindWorkspaceAsync(name, cancellationToken);
        if (workspace?.CurrentVersionId is not { } versionId)
        {
            return null;
        }

        var version = await db.Versions.AsNoTracking().SingleAsync(v => v.Id == versionId, cancellationToken);
        return (workspace, version, await ReadContentAsync(versionId, cancellationToken));
    }
}
