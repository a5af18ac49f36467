using System.Text.Json;
using IacPlatform.Inventory.Compliance;
using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Domain;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Inventory.Features.Compliance;

/// <summary>
/// GET /api/v1/compliance/summary: live resources per overall status and per failing check, optionally for one
/// provider, account or category. The checks are code, not SQL, so this evaluates every matching resource
/// while streaming them (constant memory, one pass); precomputed results stored at sync time would make it a
/// GROUP BY once fleets outgrow that.
/// </summary>
internal static class GetComplianceSummary
{
    public static async Task<Results<Ok<ComplianceSummary>, ApiErrorResult>> Handle(
        InventoryDb db, TimeProvider time, CancellationToken cancellationToken,
        string? provider = null, [FromQuery(Name = "account_id")] Guid? accountId = null, string? category = null)
    {
        var query = db.Resources.AsNoTracking().Where(r => r.RemovedAt == null);
        if (provider is not null)
        {
            if (!ProviderKinds.IsKnown(provider))
            {
                return ApiErrors.Validation("provider", $"provider must be one of {string.Join(", ", ProviderKinds.All)}.");
            }

            query = query.Where(r => r.Provider == provider);
        }

        if (category is not null)
        {
            var resolved = category == "compute" ? ResourceCategories.Vm : category;
            if (!ResourceCategories.IsKnown(resolved))
            {
                return ApiErrors.Validation("category", $"category must be one of compute, {string.Join(", ", ResourceCategories.All)}.");
            }

            query = query.Where(r => r.Category == resolved);
        }

        if (accountId is { } account)
        {
            query = query.Where(r => r.AccountId == account);
        }

        var byStatus = ComplianceStatuses.Overall.ToDictionary(s => s, _ => 0, StringComparer.Ordinal);
        var failing = new Dictionary<string, int>(StringComparer.Ordinal);
        long scoreSum = 0;
        var scored = 0;
        await foreach (var row in query.Select(r => new { r.Type, r.Attributes, r.Tags }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            using var attributes = Parse(row.Attributes);
            using var tags = Parse(row.Tags);
            var report = ComplianceEvaluator.Evaluate(row.Type, attributes.RootElement, tags.RootElement);
            byStatus[report.OverallStatus]++;
            if (report.Score is { } score)
            {
                scoreSum += score;
                scored++;
            }

            foreach (var check in report.Checks.Where(c => c.Status == ComplianceStatuses.Fail))
            {
                failing[check.Name] = failing.GetValueOrDefault(check.Name) + 1;
            }
        }

        return TypedResults.Ok(new ComplianceSummary(
            byStatus.Values.Sum(),
            new ComplianceCounts(byStatus[ComplianceStatuses.Compliant], byStatus[ComplianceStatuses.NonCompliant], byStatus[ComplianceStatuses.NotApplicable]),
            [.. failing.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).Select(f => new FailingCheck(f.Key, f.Value))],
            scored == 0 ? null : (int)Math.Round((double)scoreSum / scored, MidpointRounding.AwayFromZero),
            time.GetUtcNow()));
    }

    private static JsonDocument Parse(string json) => JsonDocument.Parse(string.IsNullOrEmpty(json) ? "{}" : json);
}

internal sealed record ComplianceCounts(int Compliant, int NonCompliant, int NotApplicable);

internal sealed record FailingCheck(string Name, int Count);

/// <summary>
/// <c>average_score</c> is the mean of the resources that have a score (those with an applicable check).
/// </summary>
internal sealed record ComplianceSummary(
    int Total, ComplianceCounts ByStatus, IReadOnlyList<FailingCheck> FailingChecks, int? AverageScore, DateTimeOffset EvaluatedAt);
