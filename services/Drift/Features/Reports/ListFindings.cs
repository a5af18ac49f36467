using IacPlatform.Drift.Data;
using IacPlatform.Drift.Engine;
using IacPlatform.Drift.Features.Results;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Drift.Features.Reports;

/// <summary>What is drifted right now, since when, and how badly.</summary>
public sealed record FindingResponse(
    Guid Id,
    string? Workspace,
    string? Address,
    string Type,
    string NativeId,
    Guid? ResourceId,
    Guid? AccountId,
    string? Region,
    string? Environment,
    string Status,
    string Severity,
    string? SeverityRule,
    double DriftScore,
    int DriftCount,
    IReadOnlyList<DriftItem> Drifts,
    DateTimeOffset FirstDetectedAt,
    DateTimeOffset LastDetectedAt,
    Guid LastJobId);

public sealed record FindingListResponse(IReadOnlyList<FindingResponse> Findings, int Total, int Limit, int Offset);

/// <summary><c>GET /api/v1/drift/findings</c>: the current drift, most severe first.</summary>
internal static class ListFindings
{
    private static readonly string[] Statuses = [DriftStatuses.Drifted, DriftStatuses.Missing, DriftStatuses.Unmanaged];

    public static async Task<Results<Ok<FindingListResponse>, ApiErrorResult>> Handle(
        string? workspace, string? status, string? severity, int? limit, int? offset, int? skip, DriftDb db,
        HttpResponse response, CancellationToken cancellationToken)
    {
        if (Paging.Resolve(limit, offset, skip, out var pagingError) is not { } paging)
        {
            return pagingError!;
        }

        if (!Ids.TryWorkspaceFilter(workspace, out var workspaceError))
        {
            return workspaceError!;
        }

        var query = db.Findings.AsNoTracking();
        if (status is not null)
        {
            if (!Statuses.Contains(status))
            {
                return ApiErrors.Validation("status", $"status must be one of {string.Join(", ", Statuses)}.");
            }

            query = query.Where(f => f.Status == status);
        }

        if (severity is not null)
        {
            if (!Severities.Ordered.Contains(severity))
            {
                return ApiErrors.Validation("severity", $"severity must be one of {string.Join(", ", Severities.Ordered)}.");
            }

            query = query.Where(f => f.Severity == severity);
        }

        if (workspace is not null)
        {
            query = query.Where(f => f.Workspace == workspace);
        }

        var ordered = query.OrderByDescending(f => f.Score).ThenBy(f => f.FirstDetectedAt).ThenBy(f => f.Id);
        var (findings, total) = await paging.ReadAsync(ordered, response, cancellationToken);
        return TypedResults.Ok(new FindingListResponse([.. findings.Select(f => new FindingResponse(
            f.Id, f.Workspace, f.Address, f.Type, f.NativeId, f.ResourceId, f.AccountId, f.Region, f.Environment, f.Status,
            f.Severity, f.SeverityRule, Math.Round(f.Score, 4), f.DriftCount,
            DriftItem.ListFrom(f.Differences),
            f.FirstDetectedAt, f.LastDetectedAt, f.LastJobId))], total, paging.Limit, paging.Offset));
    }
}
