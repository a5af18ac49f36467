using IacPlatform.Contracts.Security;

namespace IacPlatform.Drift.Features.Reports;

/// <summary>Seed 000 <c>/api/v1/drift/summary</c> and <c>/history</c>; the current findings; IaC coverage.</summary>
internal static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/drift").WithTags("Drift").RequireAuthorization(ApiScopes.Read("drift"));
        group.MapGet("/summary", GetSummary.Handle);
        group.MapGet("/history", GetHistory.Handle);
        group.MapGet("/findings", ListFindings.Handle);
        group.MapGet("/coverage", GetCoverage.Handle);
        return app;
    }
}
