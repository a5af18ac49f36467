using IacPlatform.Contracts.Security;

namespace IacPlatform.Inventory.Features.Compliance;

/// <summary>
/// Compliance evaluated from what inventory observed: a resource's checks (seed 000
/// <c>/api/v1/resources/{id}/compliance</c>) and the fleet's roll-up (<c>/api/v1/compliance/summary</c>).
/// </summary>
internal static class ComplianceEndpoints
{
    public static IEndpointRouteBuilder MapComplianceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/resources/{id:guid}/compliance", GetResourceCompliance.Handle)
            .WithTags("Compliance").RequireAuthorization(ApiScopes.Read("inventory"));
        app.MapGet("/api/v1/compliance/summary", GetComplianceSummary.Handle)
            .WithTags("Compliance").RequireAuthorization(ApiScopes.Read("inventory"));
        return app;
    }
}
