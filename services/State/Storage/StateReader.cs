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
        var content = await db.Contents.AsNoTracking().SingleAsync(c => c.VersionId == versionId, cancellationToken);
        return cipher.Decrypt(content.ToPayload(), versionId);
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
