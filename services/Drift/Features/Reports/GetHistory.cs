using IacPlatform.Drift.Data;
using IacPlatform.Drift.Domain;
using IacPlatform.Drift.Engine;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Drift.Features.Reports;

public sealed record HistoryDay(string Date, int DriftCount, int ResourcesChecked);

/// <summary>Seed 000: the total over the window, the daily mean, and whether the second half is worse than the first.</summary>
public sealed record HistorySummary(int TotalDrifts, double AverageDaily, string Trend);

public sealed record HistoryResponse(IReadOnlyList<HistoryDay> History, HistorySummary Summary);

/// <summary>
/// Daily drift over the last <c>days</c> (1–365, default 30), newest first, every day present. Per day and workspace
/// the last workspace check counts (its drifted + missing + unmanaged, and the resources it checked), summed over
/// workspaces; with <c>resource_id</c>, that resource's results of the day.
/// </summary>
internal static class GetHistory
{
    public static async Task<Results<Ok<HistoryResponse>, ApiErrorResult>> Handle(
        int? days, [FromQuery(Name = "resource_id")] string? resourceId, string? workspace, DriftDb db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var window = days ?? 30;
        if (window is < 1 or > 365)
        {
            return ApiErrors.Validation("days", "days must be between 1 and 365.");
        }

        if (!Ids.TryWorkspaceFilter(workspace, out var workspaceError))
        {
            return workspaceError!;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var first = today.AddDays(1 - window);
        var since = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var perDay = new Dictionary<DateOnly, (int Drift, int Checked)>();
        if (resourceId is not null)
        {
            if (!Ids.TryParse(resourceId, "resource_id", out var id, out var error))
            {
                return error!;
            }

            var results = await db.Results.AsNoTracking().Where(r => r.ResourceId == id && r.CompletedAt >= since)
                .Select(r => new { r.CompletedAt, r.DriftStatus }).ToListAsync(cancellationToken);
            foreach (var day in results.GroupBy(r => DateOnly.FromDateTime(r.CompletedAt.UtcDateTime)))
            {
                perDay[day.Key] = (day.Count(r => r.DriftStatus != DriftStatuses.InSync), day.Count());
            }
        }
        else
        {
            var jobs = db.Jobs.AsNoTracking().Where(j => j.Workspace != null && j.Status == JobStatuses.Completed
                && j.CheckType == CheckTypes.All && j.CompletedAt >= since);
            if (workspace is not null)
            {
                jobs = jobs.Where(j => j.Workspace == workspace);
            }

            var rows = await jobs.Select(j => new { j.Workspace, j.CompletedAt, j.Drifted, j.Missing, j.Unmanaged, j.ResourcesChecked })
                .ToListAsync(cancellationToken);
            foreach (var day in rows.GroupBy(r => DateOnly.FromDateTime(r.CompletedAt!.Value.UtcDateTime)))
            {
                var last = day.GroupBy(r => r.Workspace).Select(g => g.MaxBy(r => r.CompletedAt)!).ToList();
                perDay[day.Key] = (last.Sum(r => r.Drifted + r.Missing + r.Unmanaged), last.Sum(r => r.ResourcesChecked));
            }
        }

        var history = Enumerable.Range(0, window).Select(offset => today.AddDays(-offset))
            .Select(date => perDay.TryGetValue(date, out var v)
                ? new HistoryDay(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), v.Drift, v.Checked)
                : new HistoryDay(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 0, 0))
            .ToList();
        var total = history.Sum(d => d.DriftCount);
        return TypedResults.Ok(new HistoryResponse(history,
            new HistorySummary(total, Math.Round((double)total / window, 2), Trend(history))));
    }

    /// <summary>Older half against newer half of the window; a change under 10 % (or under one drift a day) is stable.</summary>
    private static string Trend(List<HistoryDay> newestFirst)
    {
        if (newestFirst.Count < 2)
        {
            return "stable";
        }

        var half = newestFirst.Count / 2;
        var newer = newestFirst.Take(half).Average(d => d.DriftCount);
        var older = newestFirst.Skip(newestFirst.Count - half).Average(d => d.DriftCount);
        var change = newer - older;
        return Math.Abs(change) < Math.Max(1.0, older * 0.1) ? "stable" : change > 0 ? "increasing" : "decreasing";
    }
}
