using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.ServiceDefaults.Http;
using IacPlatform.State.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.State.Features.Workspaces;

internal static class ListWorkspaces
{
    public static async Task<Results<Ok<WorkspaceList>, ApiErrorResult>> Handle(
        HttpResponse response, StateDb db, CancellationToken cancellationToken,
        int? limit = null, int? offset = null, int? skip = null, string? search = null, bool? locked = null)
    {
        if (Paging.Resolve(limit, offset, skip, out var error) is not { } paging)
        {
            return error!;
        }

        var query = db.Workspaces.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = "%" + search.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(w => EF.Functions.ILike(w.Name, pattern));
        }

        if (locked is { } isLocked)
        {
            query = isLocked ? query.Where(w => w.LockId != null) : query.Where(w => w.LockId == null);
        }

        var (workspaces, total) = await paging.ReadAsync(query.OrderBy(w => w.Name), response, cancellationToken);
        return TypedResults.Ok(new WorkspaceList([.. workspaces.Select(w => w.ToResponse())], total, paging.Limit, paging.Offset));
    }
}
