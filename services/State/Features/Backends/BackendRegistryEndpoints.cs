using IacPlatform.Contracts.Security;

namespace IacPlatform.State.Features.Backends;

/// <summary>
/// <c>/api/v1/backends</c>: the registry of places state lives, this service's own built-in backend first among them.
/// Reading needs state.read; registering, testing and discovering state.write and an operator; deleting an admin.
/// </summary>
internal static class BackendRegistryEndpoints
{
    public static IEndpointRouteBuilder MapBackendRegistryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/backends").WithTags("Backends").RequireAuthorization(ApiScopes.Read("state"));
        group.MapGet("/", ListBackends.Handle);
        group.MapGet("/list", ListBackends.Handle);
        group.MapPost("/", RegisterBackend.Handle).RequireAuthorization(ApiScopes.Write("state")).RequireAuthorization("role:operator");
        group.MapPost("/discover", DiscoverBackends.Handle).RequireAuthorization(ApiScopes.Write("state")).RequireAuthorization("role:operator");
        group.MapGet("/{id}", GetBackend.Handle);
        group.MapDelete("/{id}", DeleteBackend.Handle).RequireAuthorization(ApiScopes.Write("state")).RequireAuthorization("role:admin");
        group.MapPost("/{id}/test", TestBackend.Handle).RequireAuthorization(ApiScopes.Write("state")).RequireAuthorization("role:operator");
        return app;
    }
}
