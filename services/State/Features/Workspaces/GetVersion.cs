using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IacPlatform.State.Features.Workspaces;

internal static class GetVersion
{
    public static async Task<Results<Ok<VersionResponse>, ApiErrorResult>> Handle(
        string name, long serial, StateReader reader, CancellationToken cancellationToken)
    {
        var found = await VersionLookup.FindAsync(name, serial, reader, cancellationToken);
        if (found.Error is not null)
        {
            return found.Error;
        }

        return TypedResults.Ok(found.Version!.ToResponse(found.Workspace!.CurrentVersionId));
    }
}
