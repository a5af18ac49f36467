using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Domain;
using IacPlatform.State.Storage;

namespace IacPlatform.State.Features.Workspaces;

/// <summary>A workspace by name, or the error that says why there is none (an invalid name, or no such workspace).</summary>
internal static class WorkspaceLookup
{
    public static async Task<(Workspace? Workspace, ApiErrorResult? Error)> FindAsync(
        string name, StateReader reader, CancellationToken cancellationToken)
    {
        if (WorkspaceNames.Validate(name) is { } invalid)
        {
            return (null, invalid);
        }

        var workspace = await reader.FindWorkspaceAsync(name, cancellationToken);
        return workspace is null ? (null, ApiErrors.NotFound($"Workspace '{name}' does not exist.")) : (workspace, null);
    }
}
