using IacPlatform.Contracts.Security;

namespace IacPlatform.Drift.Features.Detection;

/// <summary><c>POST /api/v1/drift/detect</c> (202 + Location of the job) and the jobs to poll.</summary>
internal static class DetectionEndpoints
{
    public static IEndpointRouteBuilder MapDetectionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/drift").WithTags("Drift").RequireAuthorization(ApiScopes.Read("drift"));
        group.MapPost("/detect", StartDetection.Handle).RequireAuthorization(ApiScopes.Write("drift"), "role:operator");
        group.MapGet("/jobs", ListJobs.Handle);
        group.MapGet("/jobs/{id}", GetJob.Handle);
        return app;
    }
}
