using IacPlatform.Contracts.Security;

namespace IacPlatform.Inventory.Features.Sync;

/// <summary>
/// <c>/api/v1/inventory/sync</c>: trigger (202 + Location of the job), poll and list sync jobs; and the seed-001
/// <c>/api/v1/dashboard/sync/trigger</c>.
/// </summary>
internal static class SyncEndpoints
{
    public static IEndpointRouteBuilder MapSyncEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/inventory/sync").WithTags("Sync").RequireAuthorization(ApiScopes.Read("inventory"));
        group.MapPost("/", TriggerSync.Handle).RequireAuthorization(ApiScopes.Write("inventory"), "role:operator");
        group.MapGet("/jobs", ListSyncJobs.Handle);
        group.MapGet("/jobs/{id:guid}", GetSyncJob.Handle);
        app.MapPost("/api/v1/dashboard/sync/trigger", TriggerSync.HandleSeed).WithTags("Sync")
            .RequireAuthorization(ApiScopes.Write("inventory"), "role:operator");
        return app;
    }
}
