using IacPlatform.Drift.Data;
using IacPlatform.Drift.Domain;
using IacPlatform.Drift.Engine;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Drift.Features.Results;

public sealed record ResultListResponse(IReadOnlyList<ResultSummary> Results, int Total, int Limit, int Offset);

/// <summary>
/// Seed 000 list, newest first. <c>status</c> takes the seed's job states (stored results all belong to completed
/// jobs) or a verdict (in_sync, drifted, missing, unmanaged); <c>drift_status</c> and <c>severity</c> filter too.
/// </summary>
internal static class ListResults
{
    private static readonly string[] Verdicts = [DriftStatuses.InSync, DriftStatuses.Drifted, DriftStatuses.Missing, DriftStatuses.Unmanaged];

    public static async Task<Results<Ok<ResultListResponse>, ApiErrorResult>> Handle(
        string? status, [FromQuery(Name = "drift_status")] string? driftStatus, [FromQuery(Name = "resource_id")] string? resourceId,
        string? workspace, string? severity, [FromQuery(Name = "job_id")] string? jobId, int? limit, int? offset, int? skip,
        DriftDb db, HttpResponse response, CancellationToken cancellationToken)
    {
        if (Paging.Resolve(limit, offset, skip, out var pagingError) is not { } paging)
        {
            return pagingError!;
        }

        if (!Ids.TryWorkspaceFilter(workspace, out var workspaceError))
        {
            return workspaceError!;
        }

        var query = db.Results.AsNoTracking();
        if (status is not null)
        {
            if (Verdicts.Contains(status))
            {
                driftStatus ??= status;
            }
            else if (!JobStatuses.All.Contains(status))
            {
                return ApiErrors.Validation("status", $"status must be one of {string.Join(", ", JobStatuses.All.Concat(Verdicts))}.");
            }
            else if (status != JobStatuses.Completed)
            {
                query = query.Where(_ => false);
            }
        }

        if (driftStatus is not null)
        {
            if (!Verdicts.Contains(driftStatus))
            {
                return ApiErrors.Validation("drift_status", $"drift_status must be one of {string.Join(", ", Verdicts)}.");
            }

            query = query.Where(r => r.DriftStatus == driftStatus);
        }

        if (severity is not null)
        {
            if (!Severities.Ordered.Contains(severity))
            {
                return ApiErrors.Validation("severity", $"severity must be one of {string.Join(", ", Severities.Ordered)}.");
            }

            query = query.Where(r => r.Severity == severity);
        }

        if (resourceId is not null)
        {
            if (!Ids.TryParse(resourceId, "resource_id", out var id, out var error))
            {
                return error!;
            }

            query = query.Where(r => r.ResourceId == id);
        }

        if (jobId is not null)
        {
            if (!Ids.TryParse(jobId, "job_id", out var id, out var error))
            {
                return error!;
            }

            query = query.Where(r => r.JobId == id);
        }

        if (workspace is not null)
        {
            query = query.Where(r => r.Workspace == workspace);
        }

        var (results, total) = await paging.ReadAsync(query.OrderByDescending(r => r.CompletedAt).ThenByDescending(r => r.Id), response, cancellationToken);
        return TypedResults.Ok(new ResultListResponse([.. results.Select(ResultSummary.From)], total, paging.Limit, paging.Offset));
    }
}
