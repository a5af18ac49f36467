using IacPlatform.Contracts.Security;

namespace IacPlatform.Inventory.Features.Resources;

/// <summary>
/// Single resources: read (ETag, If-None-Match, <c>as_of</c>, <c>fields</c>), history, tag replacement (If-Match)
/// and batch tag updates. Lists and searches are in <see cref="ResourceQueryEndpoints"/>.
/// </summary>
internal static class ResourceEndpoints
{
    public static IEndpointRouteBuilder MapResourceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/resources").WithTags("Resources").RequireAuthorization(ApiScopes.Read("inventory"));
        group.MapGet("/{id:guid}", GetResource.Handle);
        group.MapGet("/{id:guid}/history", GetResourceHistory.Handle);
        group.MapPut("/{id:guid}/tags", UpdateTags.Handle).RequireAuthorization(ApiScopes.Write("inventory"), "role:operator");
        group.MapPost("/batch", BatchUpdate.Handle).RequireAuthorization(ApiScopes.Write("inventory"), "role:operator");
        return app;
    }
}
