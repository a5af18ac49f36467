using IacPlatform.Drift.Data;
using IacPlatform.Drift.Domain;
using IacPlatform.Drift.Engine;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Drift.Features.Reports;

/// <summary>
/// Seed 000 summary fields over the current drift (all workspaces, or one), plus the split by verdict and the seed
/// 004 drift score (the mean of the workspaces' scores at their last check).
/// </summary>
public sealed record SummaryResponse(
    int TotalResources,
    int ResourcesWithDrift,
    double DriftPercentage,
    int CriticalDrifts,
    int HighDrifts,
    int MediumDrifts,
    int LowDrifts,
    int Drifted,
    int Missing,
    int Unmanaged,
    int NotObserved,
    int Workspaces,
    double DriftScore,
    DateTimeOffset? LastScan);

internal static class GetSummary
{
    public static async Task<Results<Ok<SummaryResponse>, ApiErrorResult>> Handle(
        string? workspace, DriftDb db, CancellationToken cancellationToken)
    {
        if (!Ids.TryWorkspaceFilter(workspace, out var workspaceError))
        {
            return workspaceError!;
        }

        var workspaces = db.Workspaces.AsNoTracking();
        var findings = db.Findings.AsNoTracking();
        if (workspace is not null)
        {
            if (!await workspaces.AnyAsync(w => w.Name == workspace, cancellationToken))
            {
                return ApiErrors.NotFound($"Workspace '{workspace}' is not known to drift detection.");
            }

            workspaces = workspaces.Where(w => w.Name == workspace);
            findings = findings.Where(f => f.Workspace == workspace);
        }

        var known = await workspaces.Select(w => new { w.ResourceCount, w.Score, w.NotObserved, w.LastCheckedAt }).ToListAsync(cancellationToken);
        var counts = await findings.GroupBy(f => new { f.Status, f.Severity })
            .Select(g => new { g.Key.Status, g.Key.Severity, Count = g.Count() }).ToListAsync(cancellationToken);
        int By(Func<string, bool> status, Func<string, bool> severity) =>
            counts.Where(c => status(c.Status) && severity(c.Severity)).Sum(c => c.Count);

        var unmanaged = By(s => s == DriftStatuses.Unmanaged, _ => true);
        var total = known.Sum(w => w.ResourceCount) + unmanaged;
        var withDrift = By(_ => true, _ => true);
        var scores = known.Where(w => w.Score is not null).Select(w => w.Score!.Value).ToList();
        return TypedResults.Ok(new SummaryResponse(
            total,
            withDrift,
            total == 0 ? 0 : Math.Round(100.0 * withDrift / total, 2),
            By(_ => true, s => s == Severities.Critical),
            By(_ => true, s => s == Severities.High),
            By(_ => true, s => s == Severities.Medium),
            By(_ => true, s => s == Severities.Low),
            By(s => s == DriftStatuses.Drifted, _ => true),
            By(s => s == DriftStatuses.Missing, _ => true),
            unmanaged,
            known.Sum(w => w.NotObserved),
            known.Count,
            scores.Count == 0 ? 0 : Math.Round(scores.Average(), 4),
            known.Max(w => w.LastCheckedAt)));
    }
}
