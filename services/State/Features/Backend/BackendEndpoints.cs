using IacPlatform.Contracts.Security;

namespace IacPlatform.State.Features.Backend;

/// <summary>
/// Terraform's <c>http</c> backend, one workspace per path: <c>address = .../workspaces/{name}/state</c>,
/// <c>lock_address = unlock_address = .../workspaces/{name}/lock</c>. Any update_method (POST/PUT) and
/// lock_method/unlock_method (LOCK/UNLOCK, POST/PUT/DELETE) a configuration may choose is accepted.
/// </summary>
internal static class BackendEndpoints
{
    public const string Prefix = "/api/v1/terraform/workspaces/{name}";

    public static IEndpointRouteBuilder MapBackendEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).WithTags("Terraform http backend").RequireAuthorization(StatePolicies.Backend);
        group.MapGet("/state", GetState.Handle).RequireAuthorization(ApiScopes.Read("state"));
        group.MapMethods("/state", ["POST", "PUT"], PutState.Handle).RequireAuthorization(ApiScopes.Write("state"));
        group.MapDelete("/state", DeleteState.Handle).RequireAuthorization(ApiScopes.Write("state"));
        group.MapMethods("/lock", ["LOCK", "POST", "PUT"], LockState.Handle).RequireAuthorization(ApiScopes.Write("state"));
        group.MapMethods("/lock", ["UNLOCK", "DELETE"], UnlockState.Handle).RequireAuthorization(ApiScopes.Write("state"));
        return app;
    }
}
