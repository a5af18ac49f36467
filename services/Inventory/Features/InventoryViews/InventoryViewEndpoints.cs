using IacPlatform.Contracts.Security;

namespace IacPlatform.Inventory.Features.InventoryViews;

/// <summary>
/// Seed 001's inventory views: <c>/api/v1/inventory/vms|storage|networks|clusters</c> (a JSON array with
/// X-Total-Count, X-Page-Size, X-Page-Number) and <c>/api/v1/inventory/{id}</c>, in seed 001's item shape.
/// </summary>
internal static class InventoryViewEndpoints
{
    public static IEndpointRouteBuilder MapInventoryViewEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/inventory").WithTags("Inventory").RequireAuthorization(ApiScopes.Read("inventory"));
        group.MapGet("/{view:regex(^(vms|storage|networks|clusters)$)}", ListInventoryView.Handle);
        group.MapGet("/{id:guid}", GetInventoryItem.Handle);
        return app;
    }
}
