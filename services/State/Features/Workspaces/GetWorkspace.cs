using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IacPlatform.State.Features.Workspaces;

internal static class GetWorkspace
{
    public static async Task<Results<Ok<WorkspaceResponse>, ApiErrorResult>> Handle(
        string name, StateReader reader, CancellationToken cancellationToken)
    {
        var (workspace, missing) = await WorkspaceLookup.FindAsync(name, reader, cancellationToken);
        return workspace is null ? missing! : TypedResults.Ok(workspace.ToResponse());
    }
}
