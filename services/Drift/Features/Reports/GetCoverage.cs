using System.Text.Json;
using IacPlatform.Drift.Data;
using IacPlatform.Drift.Detection;
using IacPlatform.Drift.Engine;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Drift.Features.Reports;

public sealed record WorkspaceCoverage(string Workspace, DateTimeOffset? CheckedAt, double? DriftScore, IReadOnlyList<CoverageRow> Coverage);

public sealed record CoverageResponse(IReadOnlyList<WorkspaceCoverage> Workspaces);

/// <summary>IaC coverage (% of observed resources a state manages) per account, region and type, at each workspace's last deep check.</summary>
internal static class GetCoverage
{
    public static async Task<Results<Ok<CoverageResponse>, ApiErrorResult>> Handle(string? workspace, DriftDb db, CancellationToken cancellationToken)
    {
        if (!Ids.TryWorkspaceFilter(workspace, out var workspaceError))
        {
            return workspaceError!;
        }

        var query = db.Workspaces.AsNoTracking();
        if (workspace is not null)
        {
            query = query.Where(w => w.Name == workspace);
        }

        var rows = await query.OrderBy(w => w.Name).Take(500)
            .Select(w => new { w.Name, w.LastCheckedAt, w.Score, w.Coverage }).ToListAsync(cancellationToken);
        return TypedResults.Ok(new CoverageResponse([.. rows.Select(w => new WorkspaceCoverage(w.Name, w.LastCheckedAt,
            w.Score is { } score ? Math.Round(score, 4) : null,
            JsonSerializer.Deserialize<List<CoverageRow>>(w.Coverage, DifferenceJson.Options) ?? []))]));
    }
}
