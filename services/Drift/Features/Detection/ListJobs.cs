using IacPlatform.Drift.Data;
using IacPlatform.Drift.Domain;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Drift.Features.Detection;

public sealed record JobListResponse(IReadOnlyList<JobResponse> Jobs, int Total, int Limit, int Offset);

internal static class ListJobs
{
    public static async Task<Results<Ok<JobListResponse>, ApiErrorResult>> Handle(
        string? status, string? workspace, int? limit, int? offset, int? skip, DriftDb db, HttpResponse response,
        CancellationToken cancellationToken)
    {
        if (Paging.Resolve(limit, offset, skip, out var pagingError) is not { } paging)
        {
            return pagingError!;
        }

        if (status is not null && !JobStatuses.All.Contains(status))
        {
            return ApiErrors.Validation("status", $"status must be one of {string.Join(", ", JobStatuses.All)}.");
        }

        if (!Ids.TryWorkspaceFilter(workspace, out var workspaceError))
        {
            return workspaceError!;
        }

        var query = db.Jobs.AsNoTracking();
        if (status is not null)
        {
            query = query.Where(j => j.Status == status);
        }

        if (workspace is not null)
        {
            query = query.Where(j => j.Workspace == workspace);
        }

        var (jobs, total) = await paging.ReadAsync(query.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id), response, cancellationToken);
        return TypedResults.Ok(new JobListResponse([.. jobs.Select(JobResponse.From)], total, paging.Limit, paging.Offset));
    }
}
