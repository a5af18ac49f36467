using IacPlatform.State.Data;
using IacPlatform.State.Domain;
using IacPlatform.ServiceDefaults.Encryption;
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

    /// <summary>The version's bytes exactly as they were written.</summary>
    public async Task<byte[]> ReadContentAsync(StateVersion version, CancellationToken cancellationToken)
    {
        var (stored, encoding) = await ReadStoredAsync(version, cancellationToken);
        return encoding == StateCompression.Gzip ? StateCompression.Decompress(stored, version.Size) : stored;
    }

    /// <summary>The decrypted bytes as stored (possibly gzip) and their encoding.</summary>
    public async Task<(byte[] Stored, string Encoding)> ReadStoredAsync(StateVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        var content = await db.Contents.AsNoTracking().SingleAsync(c => c.VersionId == version.Id, cancellationToken);
        return (cipher.Decrypt(content.ToPayload(), version.Id), content.Encoding);
    }
}
