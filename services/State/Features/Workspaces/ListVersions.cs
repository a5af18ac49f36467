using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.ServiceDefaults.Http;
using IacPlatform.State.Data;
using IacPlatform.State.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.State.Features.Workspaces;

/// <summary>Every version of a workspace, newest first.</summary>
internal static class ListVersions
{
    public static async Task<Results<Ok<VersionList>, ApiErrorResult>> Handle(
        string name, HttpResponse response, StateReader reader, StateDb db, CancellationToken cancellationToken,
        int? limit = null, int? offset = null, int? skip = null)
    {
        if (Paging.Resolve(limit, offset, skip, out var error) is not { } paging)
        {
            return error!;
        }

        var (workspace, missing) = await WorkspaceLookup.FindAsync(name, reader, cancellationToken);
        if (workspace is null)
        {
            return missing!;
        }

        var query = db.Versions.AsNoTracking().Where(v => v.WorkspaceId == workspace.Id);
        var (versions, total) = await paging.ReadAsync(query.OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id), response, cancellationToken);
        return TypedResults.Ok(new VersionList(
            workspace.Name, [.. versions.Select(v => v.ToResponse(workspace.CurrentVersionId))], total, paging.Limit, paging.Offset));
    }
}
