using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IacPlatform.State.Features.Workspaces;

internal static class GetWorkspace
{
    public static async Task<Results<Ok<WorkspaceResponse>, ApiErrorResult>> Handle(
        string name, StateReader reader, CancellationToken cancellationToken)
    {
        if (WorkspaceNames.Validate(name) is { } invalid)
        {
            return invalid;
        }

        var workspace = await reader.FindWorkspaceAsync(name, cancellationToken);
        return workspace is null
            ? ApiErrors.NotFound($"Workspace '{name}' does not exist.")
            : TypedResults.Ok(workspace.ToResponse());
    }
}
