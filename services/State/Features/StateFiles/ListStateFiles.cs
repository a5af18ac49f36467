using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.ServiceDefaults.Http;
using IacPlatform.State.Data;
using IacPlatform.State.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.State.Features.StateFiles;

/// <summary>State files, filterable by backend. External backends' files are not listed: their state lives elsewhere.</summary>
internal static class ListStateFiles
{
    public static async Task<Results<Ok<StateFileList>, ApiErrorResult>> Handle(
        HttpResponse response, StateDb db, CancellationToken cancellationToken,
        [FromQuery(Name = "backend_id")] Guid? backendId = null, int? limit = null, int? offset = null, int? skip = null)
    {
        if (Paging.Resolve(limit, offset, skip, out var error) is not { } paging)
        {
            return error!;
        }

        var query = db.Workspaces.AsNoTracking().Where(w => w.CurrentVersionId != null);
        if (backendId is { } backend && backend != StateFileIds.PlatformBackendId)
        {
            query = query.Where(_ => false);
        }

        var (workspaces, total) = await paging.ReadAsync(query.OrderBy(w => w.Name), response, cancellationToken);
        return TypedResults.Ok(new StateFileList([.. workspaces.Select(ToSummary)], total, paging.Limit, paging.Offset));
    }

    public static string PathOf(Workspace workspace) => $"workspaces/{workspace.Name}/terraform.tfstate";

    private static StateFileSummary ToSummary(Workspace w) => new(
        w.Id, StateFileIds.PlatformBackendId, PathOf(w), w.Name, w.CurrentSize, w.CurrentSerial, w.Lineage, w.ResourceCount,
        w.UpdatedAt, w.IsLocked);
}
