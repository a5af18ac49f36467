using IacPlatform.Contracts.Security;

namespace IacPlatform.State.Features.TerraformResources;

/// <summary>
/// Terraform-managed resources (seed 001): <c>/api/v1/terraform/resources</c> to create, list, read and
/// destroy; <c>/api/v1/terraform/jobs</c> for each run's status, kept log and live log (WebSocket); and the
/// seed's <c>/ws/deployments/{id}/logs</c>.
/// </summary>
internal static class TerraformResourceEndpoints
{
    public static IEndpointRouteBuilder MapTerraformResourceEndpoints(this IEndpointRouteBuilder app)
    {
        var resources = app.MapGroup("/api/v1/terraform/resources").WithTags("Terraform resources").RequireAuthorization(ApiScopes.Read("state"));
        resources.MapGet("/", ListResources.Handle);
        resources.MapPost("/", CreateResource.Handle).RequireAuthorization(ApiScopes.Write("state")).RequireAuthorization("role:operator");
        resources.MapGet("/{id:guid}", GetResource.Handle);
        resources.MapDelete("/{id:guid}", DestroyResource.Handle)
            .RequireAuthorization(ApiScopes.Write("state")).RequireAuthorization("role:operator");

        var jobs = app.MapGroup("/api/v1/terraform/jobs").WithTags("Terraform resources").RequireAuthorization(ApiScopes.Read("state"));
        jobs.MapGet("/{id:guid}", GetJob.Handle);
        jobs.MapGet("/{id:guid}/logs", GetJobLog.Handle);
        jobs.MapGet("/{id:guid}/logs/ws", StreamJobLog.Handle);

        app.MapGet("/ws/deployments/{id:guid}/logs", StreamJobLog.HandleDeployment)
            .WithTags("Terraform resources").RequireAuthorization(ApiScopes.Read("state"));
        return app;
    }
}
