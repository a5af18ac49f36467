using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Domain;
using IacPlatform.State.Storage;

namespace IacPlatform.State.Features.Workspaces;

/// <summary>A workspace's version by serial, or the error that says which of the two is missing.</summary>
internal sealed record VersionLookup(Workspace? Workspace, StateVersion? Version, ApiErrorResult? Error)
{
    public static async Task<VersionLookup> FindAsync(string name, long? serial, StateReader reader, CancellationToken cancellationToken)
    {
        var (workspace, missing) = await WorkspaceLookup.FindAsync(name, reader, cancellationToken);
        if (workspace is null)
        {
            return new VersionLookup(null, null, missing);
        }

        StateVersion? version;
        if (serial is { } wanted)
        {
            version = await reader.FindVersionAsync(workspace.Id, wanted, cancellationToken);
        }
        else
        {
            version = workspace.CurrentVersionId is { } current ? await reader.FindVersionAsync(current, cancellationToken) : null;
        }

        return version is null
            ? new VersionLookup(workspace, null, ApiErrors.NotFound(serial is null
                ? $"Workspace '{name}' has no state yet."
                : $"Workspace '{name}' has no version with serial {serial}."))
            : new VersionLookup(workspace, version, null);
    }
}
