using IacPlatform.Contracts.Security;

namespace IacPlatform.Inventory.Features.Resources;

/// <summary>
/// The read side of <c>/api/v1/resources</c>: the list with seed 000's filters and seed 004's simple operators
/// (offset or cursor paging), seed 000's free-text search, and the query DSL. Single-resource routes use the
/// <c>{id:guid}</c> constraint, so the literal <c>search</c> never collides with them.
/// </summary>
internal static class ResourceQueryEndpoints
{
    public static IEndpointRouteBuilder MapResourceQueryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/resources").WithTags("Resources").RequireAuthorization(ApiScopes.Read("inventory"));
        group.MapGet("/", ListResources.Handle);
        group.MapGet("/search", SearchResources.Handle);
        group.MapPost("/search", QueryResources.Handle);
        return app;
    }
}
