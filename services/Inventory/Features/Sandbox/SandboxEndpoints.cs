using IacPlatform.Contracts.Security;

namespace IacPlatform.Inventory.Features.Sandbox;

/// <summary>
/// <c>/api/v1/inventory/sandbox/{accountId}</c>: the sandbox cloud's admin API. Seeding from Terraform state and
/// out-of-band changes (change attributes, delete, add unmanaged) are administrator actions.
/// </summary>
internal static class SandboxEndpoints
{
    public static IEndpointRouteBuilder MapSandboxEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/inventory/sandbox/{accountId:guid}").WithTags("Sandbox")
            .RequireAuthorization(ApiScopes.Read("inventory"));
        group.MapGet("/resources", SandboxResources.List);
        group.MapPost("/seed", SeedSandbox.Handle).RequireAuthorization(ApiScopes.Write("inventory"), "role:admin");
        group.MapPost("/resources", SandboxResources.Add).RequireAuthorization(ApiScopes.Write("inventory"), "role:admin");
        group.MapPatch("/resources/{id:guid}", SandboxResources.Change).RequireAuthorization(ApiScopes.Write("inventory"), "role:admin");
        group.MapDelete("/resources/{id:guid}", SandboxResources.Delete).RequireAuthorization(ApiScopes.Write("inventory"), "role:admin");
        return app;
    }
}
