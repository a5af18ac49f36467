using IacPlatform.Contracts.Security;

namespace IacPlatform.Inventory.Features.Internal;

/// <summary>
/// <c>/internal/v1</c>: observed resources for other services of the fleet (Drift), read in bulk. Outside
/// <c>/api/v1</c> so the gateway never routes it, and left out of the OpenAPI document the gateway's docs merge.
/// Callers need inventory.read, like every Inventory read.
/// </summary>
internal static class InternalEndpoints
{
    public static IEndpointRouteBuilder MapInternalEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/internal/v1").ExcludeFromDescription()
            .RequireAuthorization(ApiScopes.Read("inventory"));
        group.MapPost("/resources/lookup", LookupResources.Handle);
        group.MapGet("/resources/{id:guid}", GetObservedResource.Handle);
        group.MapGet("/accounts/{accountId:guid}/resources", ListAccountResources.Handle);
        return app;
    }
}
