using IacPlatform.Inventory.Compliance;
using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Features.Resources;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Inventory.Features.Compliance;

/// <summary>
/// GET /api/v1/resources/{id}/compliance: the checks evaluated on the attributes as last observed;
/// <c>last_checked</c> is when the resource was last seen (the evaluation is of that observation).
/// </summary>
internal static class GetResourceCompliance
{
    public static async Task<Results<Ok<ResourceCompliance>, ApiErrorResult>> Handle(
        Guid id, InventoryDb db, CancellationToken cancellationToken)
    {
        var resource = await db.Resources.AsNoTracking()
            .Where(r => r.Id == id)
            .Select(r => new { r.Type, r.Attributes, r.Tags, r.LastSeenAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (resource is null)
        {
            return ApiErrors.NotFound($"Resource '{id}' was not found.");
        }

        var report = ComplianceEvaluator.Evaluate(resource.Type, ResourceDto.Json(resource.Attributes), ResourceDto.Json(resource.Tags));
        return TypedResults.Ok(new ResourceCompliance(
            id, report.OverallStatus, report.Score, report.Checks, resource.LastSeenAt));
    }
}

/// <summary>The seed-000 compliance shape (score is null when no check applies).</summary>
internal sealed record ResourceCompliance(
    Guid ResourceId, string OverallStatus, int? Score, IReadOnlyList<ComplianceCheck> Checks, DateTimeOffset LastChecked);
