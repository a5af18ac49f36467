using IacPlatform.Contracts.Security;

namespace IacPlatform.Inventory.Features.Graph;

/// <summary>
/// The resource graph: the seed-004 CMDB asset query (<c>/api/v1/cmdb/assets/query</c>) and a resource's direct
/// relationships and neighbourhood (<c>/api/v1/resources/{id}/relationships|neighbours</c>).
/// </summary>
internal static class GraphEndpoints
{
    public static IEndpointRouteBuilder MapGraphEndpoints(this IEndpointRouteBuilder app)
    {
        var cmdb = app.MapGroup("/api/v1/cmdb").WithTags("Graph").RequireAuthorization(ApiScopes.Read("inventory"));
        cmdb.MapPost("/assets/query", QueryAssets.Handle);

        var resources = app.MapGroup("/api/v1/resources").WithTags("Graph").RequireAuthorization(ApiScopes.Read("inventory"));
        resources.MapGet("/{id:guid}/relationships", ListRelationships.Handle);
        resources.MapGet("/{id:guid}/neighbours", GetNeighbours.Handle);
        return app;
    }
}
